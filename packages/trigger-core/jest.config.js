module.exports = {
  displayName: 'trigger-core',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
