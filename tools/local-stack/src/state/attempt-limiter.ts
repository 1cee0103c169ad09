import { systemClock, type Clock } from '../clock';

/** Wrong confirmation codes one user may send in a window before every try is refused. */
export const MAX_WRONG_CODES = 5;
/** How long the count lasts from the first wrong code; then the user may try again. */
export const WRONG_CODE_WINDOW_MS = 15 * 60 * 1000;
/** Users tracked at once; the oldest entry goes first (memory stays bounded whatever names are tried). */
const MAX_TRACKED = 10_000;

interface Failures {
  count: number;
  readonly sinceMs: number;
}

/**
 * Cognito's attempt limit on confirmation codes (ConfirmSignUp,
 * ConfirmForgotPassword), per user and per kind: after MAX_WRONG_CODES wrong
 * codes within WRONG_CODE_WINDOW_MS, every try (right code included) is
 * refused until the window ends. Cognito does not publish its numbers; 5 is
 * about what it does. Unknown names are counted like known ones, so the
 * answer does not tell whether a user exists. At 5 tries per 15 minutes an
 * attacker gets 480 guesses a day at a 6-digit code: under 0.05 % a day.
 * Counts live in memory: a restart clears them.
 */
export class AttemptLimiter {
  private readonly failures = new Map<string, Failures>();

  constructor(private readonly clock: Clock = systemClock) {}

  /** True while `key` has used up its wrong codes. */
  isLocked(key: string): boolean {
    const entry = this.current(key);
    return entry !== undefined && entry.count >= MAX_WRONG_CODES;
  }

  recordFailure(key: string): void {
    const entry = this.current(key);
    if (entry !== undefined) {
      entry.count += 1;
      return;
    }
    const oldest = this.failures.keys().next();
    if (this.failures.size >= MAX_TRACKED && oldest.done !== true) this.failures.delete(oldest.value);
    this.failures.set(key, { count: 1, sinceMs: this.clock.now() });
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  private current(key: string): Failures | undefined {
    const entry = this.failures.get(key);
    if (entry !== undefined && this.clock.now() - entry.sinceMs >= WRONG_CODE_WINDOW_MS) {
      this.failures.delete(key);
      return undefined;
    }
    return entry;
  }
}
