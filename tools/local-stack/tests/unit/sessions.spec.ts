import { EXPIRED_TOKEN_MEMORY_MS, MAX_EXPIRED_TOKENS, SessionStore, type AuthSession } from '../../src/state/sessions';
import { FakeClock } from '../support/fake-clock';

const SESSION: AuthSession = {
  clientId: 'client',
  username: 'alice',
  userNotFound: false,
  srpA: undefined,
  history: [],
  pending: { name: 'CUSTOM_CHALLENGE', privateChallengeParameters: {}, challengeMetadata: null },
};

describe('SessionStore', () => {
  let store: SessionStore;
  afterEach(() => store.close());

  it('gives each session an opaque token that works exactly once', () => {
    store = new SessionStore(300);
    const token = store.issue(SESSION);

    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(store.take(token)).toBe(SESSION);
    expect(store.take(token)).toBeUndefined();
  });

  it('lets a session be looked at without spending it', () => {
    store = new SessionStore(300);
    const token = store.issue(SESSION);

    expect(store.peek(token)).toBe(SESSION);
    expect(store.take(token)).toBe(SESSION);
  });

  it('forgets a session once it has expired, and sweeps it from memory', () => {
    const clock = new FakeClock();
    store = new SessionStore(1, clock);
    const token = store.issue(SESSION);
    const before = store.size;

    clock.advance(1000);
    store.sweep();

    expect(before).toBe(1);
    expect(store.size).toBe(0);
    expect(store.take(token)).toBeUndefined();
  });

  describe('telling an expired session from a spent or unknown one', () => {
    let clock: FakeClock;
    beforeEach(() => {
      clock = new FakeClock(1_000_000);
    });

    it('says a session that ran past its validity unused has expired', () => {
      store = new SessionStore(180, clock);
      const token = store.issue(SESSION);

      clock.advance(180_000);

      expect(store.peek(token)).toBeUndefined();
      expect(store.hasExpired(token)).toBe(true);
    });

    it('does not call a spent session, or a token it never issued, expired', () => {
      store = new SessionStore(180, clock);
      const spent = store.issue(SESSION);
      store.take(spent);

      clock.advance(180_000);

      expect(store.hasExpired(spent)).toBe(false);
      expect(store.hasExpired('never-issued')).toBe(false);
    });

    it('keeps a live session live until its last millisecond', () => {
      store = new SessionStore(180, clock);
      const token = store.issue(SESSION);

      clock.advance(179_999);

      expect(store.hasExpired(token)).toBe(false);
      expect(store.peek(token)).toBe(SESSION);
    });

    it(`forgets an expired token ${EXPIRED_TOKEN_MEMORY_MS / 60_000} minutes after it expired`, () => {
      store = new SessionStore(180, clock);
      const token = store.issue(SESSION);
      clock.advance(180_000);
      store.peek(token);

      clock.advance(EXPIRED_TOKEN_MEMORY_MS);

      expect(store.hasExpired(token)).toBe(false);
    });

    it(`remembers at most ${MAX_EXPIRED_TOKENS} expired tokens, dropping the oldest`, () => {
      store = new SessionStore(180, clock);
      const tokens = Array.from({ length: MAX_EXPIRED_TOKENS + 1 }, (_, index) => store.issue(SESSION, `token-${index}`));
      clock.advance(180_000);

      tokens.forEach((token) => store.peek(token));

      expect(store.hasExpired(tokens[0]!)).toBe(false);
      expect(store.hasExpired(tokens[1]!)).toBe(true);
      expect(store.hasExpired(tokens.at(-1)!)).toBe(true);
    });
  });
});
