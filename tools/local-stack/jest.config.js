module.exports = {
  displayName: 'local-stack',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  // Each e2e file starts its own stack (a Node process per trigger): keep the
  // machine's two cores from being oversubscribed.
  maxWorkers: 2,
  testTimeout: 30_000,
};
