import { DECOY_EMAIL_RECIPIENT } from '@cognito-passwordless/contract';
import { createChallenge, SignInLimitError, signInStateKey, verifyAnswer } from '../src';
import { createConfig, createEvent, failingStore, fixedClock, MemoryStateStore, recordingSender, scriptedRandom, verifyConfig, verifyEvent } from './support';

const HOUR_MS = 3_600_000;

function user(config = createConfig, store = new MemoryStateStore()) {
  const now = fixedClock();
  const sendCode = recordingSender();
  const deps = { now, store, sendCode, random: scriptedRandom('') };
  const start = (change: (event: ReturnType<typeof createEvent>) => void = () => undefined) => {
    const event = createEvent();
    change(event);
    return createChallenge(event, config, deps);
  };
  const answerWrong = async (privateChallengeParameters: Record<string, string>) => {
    const event = verifyEvent();
    Object.assign(event.request, { privateChallengeParameters, challengeAnswer: '999999' });
    return verifyAnswer(event, { ...verifyConfig, MAX_FAILED_ANSWERS_PER_DAY: config.MAX_FAILED_ANSWERS_PER_DAY }, { now, store });
  };
  return { now, store, sendCode, start, answerWrong };
}

describe('MAX_CODES_PER_HOUR', () => {
  it('refuses the sixth sign-in of an hour with SignInLimitError, and sends nothing for it', async () => {
    const u = user();
    for (let i = 0; i < 5; i++) await u.start();

    const sixth = u.start();

    await expect(sixth).rejects.toBeInstanceOf(SignInLimitError);
    await expect(sixth).rejects.toMatchObject({ reason: 'codes-per-hour', message: 'Too many sign-in attempts. Try again later.' });
    expect(u.sendCode.sent).toHaveLength(5);
  });

  it('lets a sign-in through once the oldest email is an hour old', async () => {
    const u = user();
    await u.start();
    u.now.advance(10 * 60_000);
    for (let i = 0; i < 4; i++) await u.start();
    u.now.advance(HOUR_MS - 10 * 60_000 - 1);
    await expect(u.start()).rejects.toBeInstanceOf(SignInLimitError);

    u.now.advance(1);

    await expect(u.start()).resolves.toMatchObject({ outcome: 'code-sent' });
    await expect(u.start()).rejects.toBeInstanceOf(SignInLimitError);
  });

  it('counts every case and Unicode form of a username as one, and other usernames apart', async () => {
    const u = user({ ...createConfig, MAX_CODES_PER_HOUR: 1 });
    await u.start((e) => (e.userName = 'Jane.Doe'));

    await expect(u.start((e) => (e.userName = 'jane.doe'))).rejects.toBeInstanceOf(SignInLimitError);
    await expect(u.start((e) => (e.userName = 'JANE.DOE'))).rejects.toBeInstanceOf(SignInLimitError);
    await expect(u.start((e) => (e.userName = 'john.doe'))).resolves.toMatchObject({ outcome: 'code-sent' });
    expect(signInStateKey({ userPoolId: 'us-east-1_A', userName: 'Zoe\u0301' })).toBe(signInStateKey({ userPoolId: 'us-east-1_A', userName: 'zoé' }));
  });

  it('limits an unknown username the same way, with the same error', async () => {
    const u = user({ ...createConfig, MAX_CODES_PER_HOUR: 2 });
    const unknown = (e: ReturnType<typeof createEvent>) => Object.assign(e.request, { userNotFound: true, userAttributes: {} });
    await u.start(unknown);
    await u.start(unknown);

    await expect(u.start(unknown)).rejects.toMatchObject({ name: 'SignInLimitError', reason: 'codes-per-hour' });
    expect(u.sendCode.sent.map((m) => m.to)).toEqual([DECOY_EMAIL_RECIPIENT, DECOY_EMAIL_RECIPIENT]);
  });
});

describe('MAX_FAILED_ANSWERS_PER_DAY', () => {
  it('refuses new sign-ins once reached, and lifts within 25 hours', async () => {
    const u = user({ ...createConfig, MAX_FAILED_ANSWERS_PER_DAY: 4, MAX_CODES_PER_HOUR: 100 });
    for (let i = 0; i < 2; i++) {
      const { response } = await u.start();
      await u.answerWrong(response.privateChallengeParameters);
      await u.answerWrong(response.privateChallengeParameters);
    }

    await expect(u.start()).rejects.toMatchObject({ name: 'SignInLimitError', reason: 'failed-answers-per-day' });
    u.now.advance(24 * HOUR_MS);
    await expect(u.start()).rejects.toMatchObject({ reason: 'failed-answers-per-day' });
    u.now.advance(HOUR_MS);
    await expect(u.start()).resolves.toMatchObject({ outcome: 'code-sent' });
  });

  it('gives a locked user and an unknown username the same answers', async () => {
    const config = { ...createConfig, MAX_FAILED_ANSWERS_PER_DAY: 1 };
    const known = user(config);
    const unknown = user(config);
    const unknownEvent = (e: ReturnType<typeof createEvent>) => Object.assign(e.request, { userNotFound: true, userAttributes: {} });
    await known.answerWrong((await known.start()).response.privateChallengeParameters);
    await unknown.answerWrong((await unknown.start(unknownEvent)).response.privateChallengeParameters);

    const refusals = await Promise.all([known.start().catch((e: Error) => e), unknown.start(unknownEvent).catch((e: Error) => e)]);

    expect(refusals.map((e) => [(e as Error).name, (e as Error).message])).toEqual([
      ['SignInLimitError', 'Too many sign-in attempts. Try again later.'],
      ['SignInLimitError', 'Too many sign-in attempts. Try again later.'],
    ]);
  });
});

describe('the state store failing', () => {
  it('sends no email and returns no challenge', async () => {
    const sendCode = recordingSender();
    const store = failingStore(Object.assign(new Error('down'), { name: 'SignInStateError', reason: 'unreachable' }));

    const created = createChallenge(createEvent(), createConfig, { now: fixedClock(), random: scriptedRandom(''), sendCode, store });

    await expect(created).rejects.toMatchObject({ name: 'SignInStateError' });
    expect(sendCode.sent).toHaveLength(0);
  });

  it('gives up with SignInStateError when other writers win every round', async () => {
    const store = new MemoryStateStore();
    store.save = async () => false;
    const sendCode = recordingSender();

    const created = createChallenge(createEvent(), createConfig, { now: fixedClock(), random: scriptedRandom(''), sendCode, store });

    await expect(created).rejects.toMatchObject({ name: 'SignInStateError', reason: 'other' });
    expect(sendCode.sent).toHaveLength(0);
  });

  it('gives up with a timeout once the state budget is spent, before another store call', async () => {
    const now = fixedClock();
    const store = new MemoryStateStore();
    store.save = async () => (now.advance(1_001), false);

    const created = createChallenge(createEvent(), createConfig, { now, random: scriptedRandom(''), sendCode: recordingSender(), store });

    await expect(created).rejects.toMatchObject({ name: 'SignInStateError', reason: 'timeout' });
    expect(store.loads).toBe(1);
  });

  it('fails closed on an item it did not write', async () => {
    const store = new MemoryStateStore();
    const now = fixedClock();
    const key = signInStateKey(createEvent())!;
    store.items.set(key, { data: '{"sent":"lots"}', version: 1, expiresAtSeconds: now() / 1000 + 60 });

    const created = createChallenge(createEvent(), createConfig, { now, random: scriptedRandom(''), sendCode: recordingSender(), store });

    await expect(created).rejects.toMatchObject({ name: 'SignInStateError', reason: 'other' });
  });

  it('treats an item past its expiresAt as gone, whatever it holds', async () => {
    const store = new MemoryStateStore();
    const now = fixedClock();
    const key = signInStateKey(createEvent())!;
    store.items.set(key, { data: JSON.stringify({ sent: [now(), now(), now(), now(), now()], failed: {}, challenges: {} }), version: 7, expiresAtSeconds: now() / 1000 - 1 });

    const created = await createChallenge(createEvent(), createConfig, { now, random: scriptedRandom(''), sendCode: recordingSender(), store });

    expect(created.outcome).toBe('code-sent');
    expect(store.items.get(key)?.version).toBe(8);
  });
});
