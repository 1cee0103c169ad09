import { AttemptLimiter, MAX_WRONG_CODES, WRONG_CODE_WINDOW_MS } from '../../src/state/attempt-limiter';
import { FakeClock } from '../support/fake-clock';

describe('AttemptLimiter', () => {
  it(`locks a user after ${MAX_WRONG_CODES} wrong codes, and only that user`, () => {
    const limiter = new AttemptLimiter(new FakeClock(0));

    for (let attempt = 1; attempt < MAX_WRONG_CODES; attempt++) limiter.recordFailure('alice');
    const beforeLast = limiter.isLocked('alice');
    limiter.recordFailure('alice');

    expect(beforeLast).toBe(false);
    expect(limiter.isLocked('alice')).toBe(true);
    expect(limiter.isLocked('bob')).toBe(false);
  });

  it('unlocks when the window from the first wrong code has passed', () => {
    const clock = new FakeClock(1_000);
    const limiter = new AttemptLimiter(clock);
    for (let attempt = 0; attempt < MAX_WRONG_CODES; attempt++) limiter.recordFailure('alice');

    clock.advance(WRONG_CODE_WINDOW_MS - 1);
    const stillLocked = limiter.isLocked('alice');
    clock.advance(1);

    expect(stillLocked).toBe(true);
    expect(limiter.isLocked('alice')).toBe(false);
  });

  it('forgets the count after a right code', () => {
    const limiter = new AttemptLimiter(new FakeClock(0));
    for (let attempt = 1; attempt < MAX_WRONG_CODES; attempt++) limiter.recordFailure('alice');

    limiter.clear('alice');
    limiter.recordFailure('alice');

    expect(limiter.isLocked('alice')).toBe(false);
  });
});
