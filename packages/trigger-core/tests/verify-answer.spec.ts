import { createChallenge, SignInStateError, verifyAnswer } from '../src';
import {
  createConfig,
  createEvent,
  failingStore,
  fixedClock,
  MemoryStateStore,
  recordingSender,
  scriptedRandom,
  verifyConfig,
  verifyEvent,
} from './support';

async function issuedChallenge(code = '314159', config = verifyConfig) {
  const now = fixedClock();
  const store = new MemoryStateStore();
  const { response } = await createChallenge(createEvent(), createConfig, { now, store, random: scriptedRandom(code), sendCode: recordingSender() });
  const verify = (
    challengeAnswer: unknown,
    change: (request: Record<string, unknown>, event: Record<string, unknown>) => void = () => undefined,
  ) => {
    const event = verifyEvent();
    Object.assign(event.request, { privateChallengeParameters: response.privateChallengeParameters, challengeAnswer });
    change(event.request as unknown as Record<string, unknown>, event as unknown as Record<string, unknown>);
    return verifyAnswer(event, config, { now, store });
  };
  return { verify, now, store };
}

describe('Verify Auth Challenge Response', () => {
  it('accepts the right code', async () => {
    const { verify } = await issuedChallenge('314159');
    expect(await verify('314159')).toEqual({ answerCorrect: true, outcome: 'correct' });
  });

  it.each([' 314159', '314159\n', '\t314159\r\n', '  314159  '])('trims whitespace people paste around the code (%j)', async (pasted) => {
    const { verify } = await issuedChallenge('314159');
    expect((await verify(pasted)).answerCorrect).toBe(true);
  });

  it('accepts the code up to the last millisecond of its life, and not after', async () => {
    const { verify, now } = await issuedChallenge('314159');
    now.advance(300_000);
    expect((await verify('314159')).answerCorrect).toBe(true);
    now.advance(1);
    expect(await verify('314159')).toEqual({ answerCorrect: false, outcome: 'expired' });
  });

  it.each([
    ['a wrong code', '314158', 'wrong-code'],
    ['a shorter code', '31415', 'malformed-answer'],
    ['a longer code', '3141590', 'malformed-answer'],
    ['inner whitespace', '314 159', 'malformed-answer'],
    ['non-ASCII digits', '３１４１５９', 'malformed-answer'],
    ['Arabic-Indic digits', '٣١٤١٥٩', 'malformed-answer'],
    ['a number', 314159, 'malformed-answer'],
    ['an object', { toString: () => '314159' }, 'malformed-answer'],
    ['an array', ['314159'], 'malformed-answer'],
    ['null', null, 'malformed-answer'],
    ['an empty string', '', 'malformed-answer'],
    ['a 1 MB string', '3'.repeat(1_000_000), 'malformed-answer'],
    ['a code padded past 64 characters', `${' '.repeat(60)}314159`, 'malformed-answer'],
  ])('refuses %s', async (_, challengeAnswer, outcome) => {
    const { verify } = await issuedChallenge('314159');
    expect(await verify(challengeAnswer)).toEqual({ answerCorrect: false, outcome });
  });

  it('refuses every answer for an unknown user', async () => {
    const { verify } = await issuedChallenge('314159');
    expect(await verify('314159', (r) => (r['userNotFound'] = true))).toEqual({ answerCorrect: false, outcome: 'user-not-found' });
  });

  it.each([
    ['missing private parameters', (r: Record<string, unknown>) => delete r['privateChallengeParameters']],
    ['empty private parameters', (r: Record<string, unknown>) => (r['privateChallengeParameters'] = {})],
    ['a tampered issue time', (r: Record<string, unknown>) => {
      const p = r['privateChallengeParameters'] as Record<string, string>;
      p['challenge'] = p['challenge']!.replace(/^v2\.\d+/, 'v2.99999999999999');
    }],
    ['a tampered hash', (r: Record<string, unknown>) => {
      const p = r['privateChallengeParameters'] as Record<string, string>;
      p['challenge'] = p['challenge']!.slice(0, -4) + 'AAAA';
    }],
    ['another challenge id', (r: Record<string, unknown>) => {
      const p = r['privateChallengeParameters'] as Record<string, string>;
      p['challenge'] = p['challenge']!.replace(/^(v2\.\d+\.)[^.]+/, '$1AAAAAAAAAAAAAAAA');
    }],
    ['a token from before the state store', (r: Record<string, unknown>) => {
      (r['privateChallengeParameters'] as Record<string, string>)['challenge'] = `v1.c.1767225600000.${'A'.repeat(22)}.${'B'.repeat(43)}`;
    }],
  ])('refuses the right code with %s', async (_, change) => {
    const { verify } = await issuedChallenge('314159');
    expect((await verify('314159', change)).answerCorrect).toBe(false);
  });

  it('accepts the right code only once', async () => {
    const { verify } = await issuedChallenge('314159');
    expect((await verify('314159')).answerCorrect).toBe(true);
    expect(await verify('314159')).toEqual({ answerCorrect: false, outcome: 'no-challenge' });
  });

  it('refuses every answer, the right one too, once MAX_FAILED_ANSWERS_PER_DAY wrong answers were counted', async () => {
    const { verify } = await issuedChallenge('314159', { ...verifyConfig, MAX_FAILED_ANSWERS_PER_DAY: 3 });
    for (let i = 0; i < 3; i++) expect((await verify('000000')).outcome).toBe('wrong-code');
    expect(await verify('314159')).toEqual({ answerCorrect: false, outcome: 'limited', reason: 'failed-answers-per-day' });
  });

  it('counts wrong answers for an unknown username the same way', async () => {
    const { verify } = await issuedChallenge('314159', { ...verifyConfig, MAX_FAILED_ANSWERS_PER_DAY: 2 });
    const unknown = (r: Record<string, unknown>) => (r['userNotFound'] = true);
    expect((await verify('000000', unknown)).outcome).toBe('user-not-found');
    expect((await verify('000000', unknown)).outcome).toBe('user-not-found');
    expect((await verify('000000', unknown)).outcome).toBe('limited');
  });

  it('throws SignInStateError when the store fails, and decides nothing', async () => {
    const { now } = await issuedChallenge('314159');
    const created = await createChallenge(createEvent(), createConfig, {
      now,
      store: new MemoryStateStore(),
      random: scriptedRandom('314159'),
      sendCode: recordingSender(),
    });
    const event = verifyEvent();
    Object.assign(event.request, { privateChallengeParameters: created.response.privateChallengeParameters, challengeAnswer: '314159' });

    const verified = verifyAnswer(event, verifyConfig, { now, store: failingStore(new SignInStateError('unreachable')) });

    await expect(verified).rejects.toMatchObject({ name: 'SignInStateError', reason: 'unreachable' });
  });

  it('refuses userNotFound that is not a boolean', async () => {
    const { verify } = await issuedChallenge('314159');
    expect(await verify('314159', (r) => (r['userNotFound'] = 'false'))).toEqual({ answerCorrect: false, outcome: 'malformed-event' });
  });
});
