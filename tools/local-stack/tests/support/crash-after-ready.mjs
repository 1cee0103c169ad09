// Preloaded (`node --import`) into a local stack process by the ready-file
// tests: on SIGUSR2 it fails the way a bug would, outside any handler the
// stack wrote: an uncaught exception, or a rejected promise nobody awaits
// (CRASH_KIND=rejection).
process.on('SIGUSR2', () => {
  const error = new Error('injected crash');
  if (process.env.CRASH_KIND === 'rejection') void Promise.reject(error);
  else throw error;
});
