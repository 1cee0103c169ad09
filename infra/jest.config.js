module.exports = {
  displayName: 'infra',
  preset: '../jest.preset.js',
  rootDir: __dirname,
  setupFilesAfterEnv: ['<rootDir>/tests/setup/jest.setup.ts'],
};
