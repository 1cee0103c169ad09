module.exports = {
  displayName: 'verify-auth-challenge',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
