import { createChallenge, verifyAnswer } from '../src';
import { createConfig, createEvent, fixedClock, recordingSender, scriptedRandom, verifyConfig, verifyEvent } from './support';

async function issuedChallenge(code = '314159') {
  const now = fixedClock();
  const { response } = await createChallenge(createEvent().request, createConfig, {
    now,
    random: scriptedRandom(code),
    sendCode: recordingSender(),
  });
  const verify = (challengeAnswer: unknown, change: (request: Record<string, unknown>) => void = () => undefined) => {
    const event = verifyEvent();
    Object.assign(event.request, { privateChallengeParameters: response.privateChallengeParameters, challengeAnswer });
    change(event.request as unknown as Record<string, unknown>);
    return verifyAnswer(event.request, verifyConfig, now);
  };
  return { verify, now };
}

describe('Verify Auth Challenge Response', () => {
  it('accepts the right code', async () => {
    const { verify } = await issuedChallenge('314159');
    expect(verify('314159')).toEqual({ answerCorrect: true, outcome: 'correct' });
  });

  it.each([' 314159', '314159\n', '\t314159\r\n', '  314159  '])('trims whitespace people paste around the code (%j)', async (pasted) => {
    const { verify } = await issuedChallenge('314159');
    expect(verify(pasted).answerCorrect).toBe(true);
  });

  it('accepts the code up to the last millisecond of its life, and not after', async () => {
    const { verify, now } = await issuedChallenge('314159');
    now.advance(300_000);
    expect(verify('314159').answerCorrect).toBe(true);
    now.advance(1);
    expect(verify('314159')).toEqual({ answerCorrect: false, outcome: 'expired' });
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
    expect(verify(challengeAnswer)).toEqual({ answerCorrect: false, outcome });
  });

  it('refuses every answer for an unknown user', async () => {
    const { verify } = await issuedChallenge('314159');
    expect(verify('314159', (r) => (r['userNotFound'] = true))).toEqual({ answerCorrect: false, outcome: 'user-not-found' });
  });

  it.each([
    ['missing private parameters', (r: Record<string, unknown>) => delete r['privateChallengeParameters']],
    ['empty private parameters', (r: Record<string, unknown>) => (r['privateChallengeParameters'] = {})],
    ['a tampered issue time', (r: Record<string, unknown>) => {
      const p = r['privateChallengeParameters'] as Record<string, string>;
      p['challenge'] = p['challenge']!.replace(/^v1\.c\.\d+/, 'v1.c.99999999999999');
    }],
    ['a tampered hash', (r: Record<string, unknown>) => {
      const p = r['privateChallengeParameters'] as Record<string, string>;
      p['challenge'] = p['challenge']!.slice(0, -4) + 'AAAA';
    }],
    ['a decoy', (r: Record<string, unknown>) => {
      const p = r['privateChallengeParameters'] as Record<string, string>;
      p['challenge'] = p['challenge']!.replace(/^v1\.c\./, 'v1.d.');
    }],
  ])('refuses the right code with %s', async (_, change) => {
    const { verify } = await issuedChallenge('314159');
    expect(verify('314159', change).answerCorrect).toBe(false);
  });

  it('refuses userNotFound that is not a boolean', async () => {
    const { verify } = await issuedChallenge('314159');
    expect(verify('314159', (r) => (r['userNotFound'] = 'false'))).toEqual({ answerCorrect: false, outcome: 'malformed-event' });
  });
});
