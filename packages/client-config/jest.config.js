module.exports = {
  displayName: 'client-config',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
