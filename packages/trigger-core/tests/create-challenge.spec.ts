import { createChallenge, verifyAnswer } from '../src';
import { DECOY_EMAIL_RECIPIENT } from '@cognito-passwordless/contract';
import {
  createConfig,
  createEvent,
  entry,
  fixedClock,
  MemoryStateStore,
  recordingSender,
  scriptedRandom,
  verifyConfig,
  verifyEvent,
} from './support';

const deps = (digits = '042917', store = new MemoryStateStore()) => {
  const now = fixedClock();
  const sendCode = recordingSender();
  return { now, sendCode, random: scriptedRandom(digits), store };
};

/** Verify's view of a created challenge, answered with `answer`, against the same store. */
const answer = (
  privateChallengeParameters: Record<string, string>,
  challengeAnswer: unknown,
  d: { now: () => number; store: MemoryStateStore },
  change: (event: Record<string, unknown>) => void = () => undefined,
) => {
  const event = verifyEvent();
  Object.assign(event.request, { privateChallengeParameters, challengeAnswer });
  change(event as unknown as Record<string, unknown>);
  return verifyAnswer(event, verifyConfig, d);
};

const created = (d: ReturnType<typeof deps>, change: (event: Record<string, unknown>) => void = () => undefined, config = createConfig) => {
  const event = createEvent();
  change(event as unknown as Record<string, unknown>);
  return createChallenge(event, config, d);
};
const request = (event: Record<string, unknown>) => event['request'] as Record<string, unknown>;
const attributes = (event: Record<string, unknown>) => request(event)['userAttributes'] as Record<string, string>;

describe('Create Auth Challenge, first round', () => {
  it('emails a new code to the verified address and keeps only its hash, in the state store', async () => {
    const d = deps('042917');

    const result = await created(d);

    expect(d.sendCode.sent).toEqual([{ to: 'jane.doe@example.com', code: '042917', validForSeconds: 300 }]);
    expect(result.outcome).toBe('code-sent');
    expect(JSON.stringify(result.response)).not.toContain('042917');
    expect(result.response.challengeMetadata).toBe(result.response.privateChallengeParameters['challenge']);
    expect(d.store.items.size).toBe(1);
  });

  it('keeps the hash out of the event and the key out of the table', async () => {
    const d = deps('042917');

    const { response } = await created(d);

    const [key, item] = [...d.store.items.entries()][0]!;
    const token = response.challengeMetadata;
    const [, , id, challengeKey] = token.split('.');
    const stored = JSON.parse(item.data) as { challenges: Record<string, { hash: string }> };
    expect(Object.keys(stored.challenges)).toEqual([id]);
    expect(token).not.toContain(stored.challenges[id!]!.hash);
    expect(item.data).not.toContain(challengeKey);
    expect(key).not.toMatch(/jane|3f6b2c1e/i);
    expect(item.data).not.toMatch(/jane|3f6b2c1e|042917/i);
  });

  it('tells the client how to answer and how many attempts it has, and nothing about the user', async () => {
    const result = await created(deps());

    expect(result.response.publicChallengeParameters).toEqual({
      hint: 'Enter the 6-digit code we sent to your email address. It is valid for 5 minutes.',
      attemptsLeft: '3',
      resendAfterSeconds: '30',
    });
  });

  it("tells the sender the user's language", async () => {
    const d = deps();

    await created(d, (event) => (attributes(event)['locale'] = 'de-AT'));

    expect(d.sendCode.sent[0]?.locale).toBe('de-AT');
  });

  it('draws CODE_LENGTH digits', async () => {
    const d = deps('1234567890');

    await created(d, undefined, { ...createConfig, CODE_LENGTH: 10 });

    expect(d.sendCode.sent[0]?.code).toBe('1234567890');
  });

  it('lets Verify accept the emailed code', async () => {
    const d = deps('042917');

    const { response } = await created(d);

    expect(await answer(response.privateChallengeParameters, '042918', d)).toEqual({ answerCorrect: false, outcome: 'wrong-code' });
    expect(await answer(response.privateChallengeParameters, '042917', d)).toEqual({ answerCorrect: true, outcome: 'correct' });
  });

  it('returns no challenge when the email cannot be sent', async () => {
    const d = deps();
    const failure = new Error('SES down');

    const result = createChallenge(createEvent(), createConfig, { ...d, sendCode: () => Promise.reject(failure) });

    await expect(result).rejects.toBe(failure);
  });
});

describe('Create Auth Challenge, retries', () => {
  const retryEvent = async (d: ReturnType<typeof deps>, wrongAnswers = 1) => {
    const first = await created(d);
    const event = createEvent();
    event.request.session = Array.from({ length: wrongAnswers }, () =>
      entry('CUSTOM_CHALLENGE', false, first.response.challengeMetadata),
    );
    return { first, event };
  };

  it('sends nothing and keeps the same code after a wrong answer', async () => {
    const d = deps('555123');
    const { first, event } = await retryEvent(d);

    const retry = await createChallenge(event, createConfig, d);

    expect(d.sendCode.sent).toHaveLength(1);
    expect(retry.outcome).toBe('retry');
    expect(retry.response.privateChallengeParameters).toEqual(first.response.privateChallengeParameters);
    expect((await answer(retry.response.privateChallengeParameters, '555123', d)).answerCorrect).toBe(true);
  });

  it('counts attempts down', async () => {
    const d = deps();
    const { event } = await retryEvent(d, 2);

    const retry = await createChallenge(event, createConfig, d);

    expect(retry.response.publicChallengeParameters).toEqual({
      hint: 'That code is not right. Enter the 6-digit code from the same email.',
      attemptsLeft: '1',
      resendAfterSeconds: '30',
    });
  });

  it('does not revive an expired code', async () => {
    const d = deps('555123');
    const { event } = await retryEvent(d);
    d.now.advance(300_001);

    const retry = await createChallenge(event, createConfig, d);

    expect(d.sendCode.sent).toHaveLength(1);
    expect(retry.outcome).toBe('expired');
    expect(retry.response.publicChallengeParameters['hint']).toBe('Your code has expired. Ask for a new code, or sign in again.');
    expect(await answer(retry.response.privateChallengeParameters, '555123', d)).toEqual({ answerCorrect: false, outcome: 'expired' });
  });

  it('gives a dead challenge when the metadata was tampered with', async () => {
    const d = deps();
    const event = createEvent();
    event.request.session = [entry('CUSTOM_CHALLENGE', false, 'v2.99999999999999.AAAAAAAAAAAAAAAA.BBBB')];

    const retry = await createChallenge(event, createConfig, d);

    expect(retry).toMatchObject({ outcome: 'decoy', reason: 'tampered-metadata' });
    expect(d.sendCode.sent).toHaveLength(0);
    expect((await answer(retry.response.privateChallengeParameters, '000000', d)).answerCorrect).toBe(false);
  });
});

describe('Create Auth Challenge, when no code can be sent to the user', () => {
  const blocked: [string, (event: Record<string, unknown>) => void][] = [
    ['an unknown user', (e) => Object.assign(request(e), { userNotFound: true, userAttributes: {} })],
    ['no email attribute', (e) => delete attributes(e)['email']],
    ['an email with CR/LF', (e) => (attributes(e)['email'] = 'a@example.com\r\nBcc: b@example.com')],
    ['a list of emails', (e) => (attributes(e)['email'] = 'a@example.com,b@example.com')],
    ['emails separated by semicolons', (e) => (attributes(e)['email'] = 'a@example.com;b@example.com')],
    ['a display name', (e) => (attributes(e)['email'] = 'A <a@example.com>')],
    ['an unverified email', (e) => (attributes(e)['email_verified'] = 'false')],
  ];

  it.each(blocked)('for %s: does the same store work, emails only the mailbox simulator, and no answer passes', async (_, change) => {
    const d = deps('042917');
    const realDeps = deps('042917');
    const real = await created(realDeps);

    const decoy = await created(d, change);

    expect(d.sendCode.sent.map((m) => m.to)).toEqual([DECOY_EMAIL_RECIPIENT]);
    expect(decoy.outcome).toBe('decoy');
    expect(decoy.response.publicChallengeParameters).toEqual(real.response.publicChallengeParameters);
    expect([d.store.loads, d.store.saves]).toEqual([realDeps.store.loads, realDeps.store.saves]);
    expect((await answer(decoy.response.privateChallengeParameters, '042917', d, change)).answerCorrect).toBe(false);
    expect((await answer(decoy.response.privateChallengeParameters, d.sendCode.sent[0]!.code, d, change)).answerCorrect).toBe(false);
  });

  const malformed: [string, (event: Record<string, unknown>) => void][] = [
    ['a session that is not an array', (e) => (request(e)['session'] = 'nope')],
    ['another challenge name', (e) => (request(e)['challengeName'] = 'PASSWORD_VERIFIER')],
    ['userNotFound as a string', (e) => (request(e)['userNotFound'] = 'false')],
    ['no username', (e) => delete e['userName']],
    ['a pool id Cognito does not make', (e) => (e['userPoolId'] = 'pool')],
  ];

  it.each(malformed)('for %s (not an event Cognito sends): sends nothing and no answer passes', async (_, change) => {
    const d = deps('042917');

    const decoy = await created(d, change);

    expect(d.sendCode.sent).toHaveLength(0);
    expect(decoy).toMatchObject({ outcome: 'decoy', reason: 'malformed-event' });
    expect((await answer(decoy.response.privateChallengeParameters, '042917', d)).answerCorrect).toBe(false);
  });

  it('keeps an unknown user indistinguishable across retries and expiry', async () => {
    const known = deps();
    const unknown = deps();
    const unknownEvent = () => {
      const event = createEvent();
      Object.assign(event.request, { userNotFound: true, userAttributes: {} });
      return event;
    };
    const firstKnown = await createChallenge(createEvent(), createConfig, known);
    const firstUnknown = await createChallenge(unknownEvent(), createConfig, unknown);
    const retry = (metadata: string, event = createEvent()) => {
      event.request.session = [entry('CUSTOM_CHALLENGE', false, metadata)];
      return event;
    };

    const retryKnown = await createChallenge(retry(firstKnown.response.challengeMetadata), createConfig, known);
    const retryUnknown = await createChallenge(retry(firstUnknown.response.challengeMetadata, unknownEvent()), createConfig, unknown);
    known.now.advance(400_000);
    unknown.now.advance(400_000);
    const lateKnown = await createChallenge(retry(firstKnown.response.challengeMetadata), createConfig, known);
    const lateUnknown = await createChallenge(retry(firstUnknown.response.challengeMetadata, unknownEvent()), createConfig, unknown);

    expect(retryUnknown.response.publicChallengeParameters).toEqual(retryKnown.response.publicChallengeParameters);
    expect(lateUnknown.response.publicChallengeParameters).toEqual(lateKnown.response.publicChallengeParameters);
  });
});
