module.exports = {
  displayName: 'trigger-bundle-tests',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  // Each file starts its own SES sink and Lambda processes; the machine has 2 cores.
  maxWorkers: 2,
  // Starting the SES sink, dynalite and the functions takes a few seconds on a busy machine; timings are asserted where they matter.
  testTimeout: 20_000,
};
