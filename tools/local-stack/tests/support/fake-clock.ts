import type { Clock } from '../../src/clock';

/** A clock that moves only when the test says: expiry tests advance it instead of sleeping. */
export class FakeClock implements Clock {
  constructor(private ms = Date.UTC(2026, 0, 1)) {}

  now(): number {
    return this.ms;
  }

  advance(ms: number): void {
    this.ms += ms;
  }
}
