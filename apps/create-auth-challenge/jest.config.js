module.exports = {
  displayName: 'create-auth-challenge',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
