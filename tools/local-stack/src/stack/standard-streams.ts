export type StandardStream = 'stdout' | 'stderr';

export interface StandardStreams {
  /** Writes unless the stream has closed; a closed one is skipped silently. */
  write(stream: StandardStream, text: string): void;
}

/**
 * Standard output and error that can go away under the stack: `npm start |
 * tee log` and Ctrl-C ends `tee` first, and the next write fails with EPIPE,
 * which unhandled would kill the process before it cleans up. A closed
 * stream is reported once to `onClosed` (the stack then stops as on a
 * signal) and never written again.
 */
export function watchStandardStreams(onClosed: (stream: StandardStream) => void): StandardStreams {
  const closed = new Set<StandardStream>();
  const targets = { stdout: process.stdout, stderr: process.stderr } as const;
  for (const name of ['stdout', 'stderr'] as const) {
    targets[name].on('error', () => {
      if (closed.has(name)) return;
      closed.add(name);
      onClosed(name);
    });
  }
  return {
    write(stream, text) {
      if (!closed.has(stream) && !targets[stream].destroyed) targets[stream].write(text);
    },
  };
}
