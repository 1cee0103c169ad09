/**
 * Runs `work` with stdout swallowed: the handlers log a JSON line per call,
 * which is real work to keep in the measurement but no output for a terminal.
 */
export async function withQuietStdout<T>(work: () => Promise<T>): Promise<T> {
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    return await work();
  } finally {
    process.stdout.write = write;
  }
}
