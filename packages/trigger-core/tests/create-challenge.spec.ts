import { createChallenge, verifyAnswer } from '../src';
import {
  createConfig,
  createEvent,
  entry,
  fixedClock,
  recordingSender,
  scriptedRandom,
  verifyConfig,
  verifyEvent,
} from './support';

const deps = (digits = '042917') => {
  const now = fixedClock();
  const sendCode = recordingSender();
  return { now, sendCode, random: scriptedRandom(digits) };
};

/** Verify's view of a created challenge, answered with `answer`. */
const answer = (privateChallengeParameters: Record<string, string>, challengeAnswer: unknown, now: () => number) => {
  const event = verifyEvent();
  Object.assign(event.request, { privateChallengeParameters, challengeAnswer });
  return verifyAnswer(event.request, verifyConfig, now);
};

describe('Create Auth Challenge, first round', () => {
  it('emails a new code to the verified address and keeps only its hash', async () => {
    const d = deps('042917');

    const result = await createChallenge(createEvent().request, createConfig, d);

    expect(d.sendCode.sent).toEqual([{ to: 'jane.doe@example.com', code: '042917', validForSeconds: 300 }]);
    expect(result.outcome).toBe('code-sent');
    expect(JSON.stringify(result.response)).not.toContain('042917');
    expect(result.response.challengeMetadata).toBe(result.response.privateChallengeParameters['challenge']);
  });

  it('tells the client how to answer and how many attempts it has, and nothing about the user', async () => {
    const result = await createChallenge(createEvent().request, createConfig, deps());

    expect(result.response.publicChallengeParameters).toEqual({
      hint: 'Enter the 6-digit code we sent to your email address. It is valid for 5 minutes.',
      attemptsLeft: '3',
    });
  });

  it("tells the sender the user's language", async () => {
    const d = deps();
    const request = createEvent().request;
    request.userAttributes['locale'] = 'de-AT';

    await createChallenge(request, createConfig, d);

    expect(d.sendCode.sent[0]?.locale).toBe('de-AT');
  });

  it('draws CODE_LENGTH digits', async () => {
    const d = deps('1234567890');

    await createChallenge(createEvent().request, { ...createConfig, CODE_LENGTH: 10 }, d);

    expect(d.sendCode.sent[0]?.code).toBe('1234567890');
  });

  it('lets Verify accept the emailed code', async () => {
    const d = deps('042917');

    const { response } = await createChallenge(createEvent().request, createConfig, d);

    expect(answer(response.privateChallengeParameters, '042917', d.now)).toEqual({ answerCorrect: true, outcome: 'correct' });
    expect(answer(response.privateChallengeParameters, '042918', d.now)).toEqual({ answerCorrect: false, outcome: 'wrong-code' });
  });

  it('returns no challenge when the email cannot be sent', async () => {
    const d = deps();
    const failure = new Error('SES down');

    const created = createChallenge(createEvent().request, createConfig, { ...d, sendCode: () => Promise.reject(failure) });

    await expect(created).rejects.toBe(failure);
  });
});

describe('Create Auth Challenge, retries', () => {
  const retryEvent = async (d: ReturnType<typeof deps>, wrongAnswers = 1) => {
    const first = await createChallenge(createEvent().request, createConfig, d);
    const event = createEvent();
    event.request.session = Array.from({ length: wrongAnswers }, () =>
      entry('CUSTOM_CHALLENGE', false, first.response.challengeMetadata),
    );
    return { first, event };
  };

  it('sends nothing and keeps the same code after a wrong answer', async () => {
    const d = deps('555123');
    const { first, event } = await retryEvent(d);

    const retry = await createChallenge(event.request, createConfig, d);

    expect(d.sendCode.sent).toHaveLength(1);
    expect(retry.outcome).toBe('retry');
    expect(retry.response.privateChallengeParameters).toEqual(first.response.privateChallengeParameters);
    expect(answer(retry.response.privateChallengeParameters, '555123', d.now).answerCorrect).toBe(true);
  });

  it('counts attempts down', async () => {
    const d = deps();
    const { event } = await retryEvent(d, 2);

    const retry = await createChallenge(event.request, createConfig, d);

    expect(retry.response.publicChallengeParameters).toEqual({
      hint: 'That code is not right. Enter the 6-digit code from the same email.',
      attemptsLeft: '1',
    });
  });

  it('does not revive an expired code', async () => {
    const d = deps('555123');
    const { event } = await retryEvent(d);
    d.now.advance(300_001);

    const retry = await createChallenge(event.request, createConfig, d);

    expect(d.sendCode.sent).toHaveLength(1);
    expect(retry.outcome).toBe('expired');
    expect(retry.response.publicChallengeParameters['hint']).toBe('Your code has expired. Sign in again to get a new one.');
    expect(answer(retry.response.privateChallengeParameters, '555123', d.now)).toEqual({ answerCorrect: false, outcome: 'expired' });
  });

  it('gives a dead challenge when the metadata was tampered with', async () => {
    const d = deps();
    const event = createEvent();
    event.request.session = [entry('CUSTOM_CHALLENGE', false, 'v1.c.99999999999999.AAAA.BBBB')];

    const retry = await createChallenge(event.request, createConfig, d);

    expect(retry).toMatchObject({ outcome: 'decoy', reason: 'tampered-metadata' });
    expect(d.sendCode.sent).toHaveLength(0);
    expect(answer(retry.response.privateChallengeParameters, '000000', d.now).answerCorrect).toBe(false);
  });
});

describe('Create Auth Challenge, when no code can be sent', () => {
  const cases: [string, (request: Record<string, unknown>) => void][] = [
    ['an unknown user', (r) => Object.assign(r, { userNotFound: true, userAttributes: {} })],
    ['no email attribute', (r) => delete (r['userAttributes'] as Record<string, string>)['email']],
    ['an email with CR/LF', (r) => ((r['userAttributes'] as Record<string, string>)['email'] = 'a@example.com\r\nBcc: b@example.com')],
    ['a list of emails', (r) => ((r['userAttributes'] as Record<string, string>)['email'] = 'a@example.com,b@example.com')],
    ['emails separated by semicolons', (r) => ((r['userAttributes'] as Record<string, string>)['email'] = 'a@example.com;b@example.com')],
    ['a display name', (r) => ((r['userAttributes'] as Record<string, string>)['email'] = 'A <a@example.com>')],
    ['an unverified email', (r) => ((r['userAttributes'] as Record<string, string>)['email_verified'] = 'false')],
    ['a session that is not an array', (r) => (r['session'] = 'nope')],
    ['another challenge name', (r) => (r['challengeName'] = 'PASSWORD_VERIFIER')],
    ['userNotFound as a string', (r) => (r['userNotFound'] = 'false')],
  ];

  it.each(cases)('for %s: sends nothing and returns a challenge that looks the same and that no answer passes', async (_, change) => {
    const d = deps('042917');
    const real = await createChallenge(createEvent().request, createConfig, deps('042917'));
    const request = createEvent().request as unknown as Record<string, unknown>;
    change(request);

    const decoy = await createChallenge(request, createConfig, d);

    expect(d.sendCode.sent).toHaveLength(0);
    expect(decoy.outcome).toBe('decoy');
    expect(decoy.response.publicChallengeParameters).toEqual(real.response.publicChallengeParameters);
    expect(answer(decoy.response.privateChallengeParameters, '042917', d.now).answerCorrect).toBe(false);
  });

  it('keeps an unknown user indistinguishable across retries and expiry', async () => {
    const known = deps();
    const unknown = deps();
    const unknownRequest = () => Object.assign(createEvent().request, { userNotFound: true, userAttributes: {} });
    const firstKnown = await createChallenge(createEvent().request, createConfig, known);
    const firstUnknown = await createChallenge(unknownRequest(), createConfig, unknown);
    const retry = (metadata: string, request = createEvent().request) =>
      Object.assign(request, { session: [entry('CUSTOM_CHALLENGE', false, metadata)] });

    const retryKnown = await createChallenge(retry(firstKnown.response.challengeMetadata), createConfig, known);
    const retryUnknown = await createChallenge(retry(firstUnknown.response.challengeMetadata, unknownRequest()), createConfig, unknown);
    known.now.advance(400_000);
    unknown.now.advance(400_000);
    const lateKnown = await createChallenge(retry(firstKnown.response.challengeMetadata), createConfig, known);
    const lateUnknown = await createChallenge(retry(firstUnknown.response.challengeMetadata, unknownRequest()), createConfig, unknown);

    expect(retryUnknown.response.publicChallengeParameters).toEqual(retryKnown.response.publicChallengeParameters);
    expect(lateUnknown.response.publicChallengeParameters).toEqual(lateKnown.response.publicChallengeParameters);
  });
});
