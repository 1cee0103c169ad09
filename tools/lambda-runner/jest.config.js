module.exports = {
  displayName: 'lambda-runner',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
