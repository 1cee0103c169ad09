import type { Summary } from './statistics';

/** One line of the report: a figure, what it is compared with, and its budget. */
export interface BenchResult {
  readonly section: string;
  readonly name: string;
  readonly unit: 'bytes' | 'ms' | 'µs' | 'sign-ins/s' | 's';
  /** A single figure (bytes, a rate), or a summary of repeated timings. */
  readonly value: number | Summary;
  /** The same measurement of a do-nothing reference, taken in the same run. */
  readonly baseline?: Summary;
  /** Human-readable budget, e.g. "≤ 40,000" or "≤ baseline + 15". */
  readonly budget?: string;
  /** Whether the figure meets the budget; undefined where there is none. */
  readonly withinBudget?: boolean;
  readonly note?: string;
}
