module.exports = {
  displayName: 'dynamodb-local',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
