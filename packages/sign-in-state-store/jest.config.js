module.exports = {
  displayName: 'sign-in-state-store',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
