module.exports = {
  displayName: 'local-stack',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  // Each e2e file starts its own stack (a Node process per trigger and one for SES):
  // two at a time keeps a two-core machine responsive.
  maxWorkers: 2,
  testTimeout: 30_000,
};
