module.exports = {
  displayName: 'contract',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
