module.exports = {
  displayName: 'ses-sink',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
