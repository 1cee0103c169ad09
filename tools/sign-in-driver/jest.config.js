module.exports = {
  displayName: 'sign-in-driver',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testTimeout: 30_000,
};
