module.exports = {
  displayName: 'sign-in-web',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  // The tests start the local stack from its sources, and it imports jose (ES modules only).
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  // Each e2e file runs its own stack (four Node processes) and Chromium: two at a time suit a two-core machine.
  maxWorkers: 2,
  testTimeout: 60_000,
};
