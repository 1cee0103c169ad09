/**
 * Where the user pool reads the time: sessions, one-time codes, attempt
 * windows, SRP timestamps and token times all ask a `Clock`, so tests move
 * time with a fake one instead of sleeping. This module is the only place in
 * the stack that reads the wall clock.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = Object.freeze({ now: () => Date.now() });

/** A `Date` for an instant in epoch milliseconds: a conversion, not a reading of the clock. */
export function dateAt(epochMs: number): Date {
  return new Date(epochMs);
}

/** The clock's time in whole epoch seconds, as tokens carry it. */
export function epochSeconds(clock: Clock): number {
  return Math.floor(clock.now() / 1000);
}
