module.exports = {
  displayName: 'resilience-tests',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  // Each file runs a whole stack (a process per trigger, one for SES); one file at a time.
  maxWorkers: 1,
  testTimeout: 60_000,
};
