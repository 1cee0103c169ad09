module.exports = {
  displayName: 'define-auth-challenge',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
