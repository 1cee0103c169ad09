/** Summary of repeated timings, in the unit they were taken in. */
export interface Summary {
  readonly runs: number;
  readonly min: number;
  readonly median: number;
  readonly p99: number;
}

/** Nearest-rank percentile of `sorted` (ascending), p in (0, 100]. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('percentile of no samples');
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { runs: sorted.length, min: sorted[0]!, median: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

/**
 * Runs each task `rounds` times, alternating between them, so that a slow
 * spell of a shared machine hits every task alike.
 */
export async function interleave<K extends string>(
  rounds: number,
  tasks: Readonly<Record<K, () => number | Promise<number>>>,
): Promise<Record<K, number[]>> {
  const names = Object.keys(tasks) as K[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < rounds; round++) {
    for (const name of names) samples[name].push(await tasks[name]());
  }
  return samples;
}
