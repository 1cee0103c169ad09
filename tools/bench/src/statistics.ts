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
  return sampleAt(sorted, Math.min(sorted.length, Math.max(1, rank)) - 1);
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new RangeError('summary of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  return { runs: sorted.length, min: sampleAt(sorted, 0), median: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

/** `samples[index]`, which the callers keep in range; out of range is a bug, thrown rather than read as undefined. */
function sampleAt(samples: readonly number[], index: number): number {
  const value = samples[index];
  if (value === undefined) throw new RangeError(`no sample at ${index} of ${samples.length}`);
  return value;
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

export interface TwoSampleTest {
  /** The largest distance between the two empirical distribution functions. */
  readonly statistic: number;
  /** The chance of a distance at least this large if both samples came from one distribution. */
  readonly pValue: number;
}

/**
 * Two-sample Kolmogorov–Smirnov test, with the asymptotic p-value of the
 * Kolmogorov distribution and Stephens' small-sample correction
 * (λ = (√n_e + 0.12 + 0.11/√n_e)·D, n_e = nm/(n+m)). No npm package does
 * the two-sample test without a large dependency tree; this is the textbook
 * formula.
 */
export function kolmogorovSmirnov(a: readonly number[], b: readonly number[]): TwoSampleTest {
  if (a.length === 0 || b.length === 0) throw new RangeError('a two-sample test needs two non-empty samples');
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  let i = 0;
  let j = 0;
  let statistic = 0;
  while (i < x.length && j < y.length) {
    const value = Math.min(sampleAt(x, i), sampleAt(y, j));
    while (i < x.length && x[i] === value) i++;
    while (j < y.length && y[j] === value) j++;
    statistic = Math.max(statistic, Math.abs(i / x.length - j / y.length));
  }
  const root = Math.sqrt((x.length * y.length) / (x.length + y.length));
  const lambda = (root + 0.12 + 0.11 / root) * statistic;
  return { statistic, pValue: kolmogorovTail(lambda) };
}

/** P(K > λ) for the Kolmogorov distribution: 2 Σ (−1)^(k−1) e^(−2k²λ²). */
function kolmogorovTail(lambda: number): number {
  if (lambda < 1e-3) return 1;
  let sum = 0;
  for (let k = 1; k <= 100; k++) {
    const term = (k % 2 === 1 ? 2 : -2) * Math.exp(-2 * k * k * lambda * lambda);
    sum += term;
    if (Math.abs(term) < 1e-12) break;
  }
  return Math.min(1, Math.max(0, sum));
}
