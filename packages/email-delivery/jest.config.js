module.exports = {
  displayName: 'email-delivery',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
