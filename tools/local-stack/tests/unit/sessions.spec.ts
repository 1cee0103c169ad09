import { SessionStore, type AuthSession } from '../../src/pool/sessions';

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

  it('forgets a session once it has expired, and sweeps it from memory', async () => {
    store = new SessionStore(1);
    const token = store.issue(SESSION);

    await new Promise((resolve) => setTimeout(resolve, 2100));

    expect(store.size).toBe(0);
    expect(store.take(token)).toBeUndefined();
  });
});
