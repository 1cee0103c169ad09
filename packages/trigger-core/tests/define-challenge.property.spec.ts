import fc from 'fast-check';
import type { SignInFlow } from '@cognito-passwordless/contract';
import { decideNextChallenge, MAX_RESENDS_PER_SIGN_IN, toDefineResponse, type DefineConfig } from '../src';
import { entry } from './support';

/**
 * Sessions as strings, one letter an entry, so the valid paths of each flow
 * are regular expressions written independently of the implementation:
 * S/s = SRP_A ✓/✗, P/p = PASSWORD_VERIFIER ✓/✗, C/c = CUSTOM_CHALLENGE ✓/✗,
 * r = CUSTOM_CHALLENGE answered with a resend request, X = some other
 * challenge. A resend shows in the session the way Cognito shows it: the
 * next custom round's metadata counts it, and the last round's own request is
 * the client metadata of the round.
 */
const LETTERS = {
  S: entry('SRP_A', true),
  s: entry('SRP_A', false),
  P: entry('PASSWORD_VERIFIER', true),
  p: entry('PASSWORD_VERIFIER', false),
  C: entry('CUSTOM_CHALLENGE', true),
  c: entry('CUSTOM_CHALLENGE', false),
  r: entry('CUSTOM_CHALLENGE', false),
  X: entry('SMS_MFA', true),
} as const;
const TOKEN = `v2.1767225600000.${'A'.repeat(16)}.${'B'.repeat(43)}`;
type Letter = keyof typeof LETTERS;

const PREFIX: Record<SignInFlow, string> = { passwordless: 'S?', 'password-then-code': 'SP' };

/** The expected outcome of Define for a session, from the flow's regular language and two counts. */
function oracle(flow: SignInFlow, max: number, history: string, userNotFound: boolean): string {
  const rounds = new RegExp(`^${PREFIX[flow]}([cr]*)(C?)$`).exec(history);
  if (rounds) {
    const [, asked = '', right] = rounds;
    const wrong = asked.replaceAll('r', '').length;
    const resends = asked.length - wrong;
    if (resends > MAX_RESENDS_PER_SIGN_IN || wrong > max - 1) return 'fail';
    if (right) return userNotFound ? 'fail' : 'issue-tokens';
    return 'custom-challenge';
  }
  if (flow === 'password-then-code' && history === 'S') return 'password-verifier';
  return 'fail';
}

const letter = fc.constantFrom<Letter>('S', 's', 'P', 'p', 'C', 'c', 'r', 'X');
/** Mostly near-valid histories (a right prefix, then custom rounds), some entirely random. */
const history = fc.oneof(
  fc.tuple(fc.constantFrom('', 'S', 'SP', 'Sp', 's'), fc.array(fc.constantFrom<Letter>('c', 'c', 'c', 'r', 'r', 'C', 'X', 'S'), { maxLength: 24 })).map(
    ([prefix, rest]) => prefix + rest.join(''),
  ),
  fc.array(letter, { maxLength: 14 }).map((letters) => letters.join('')),
);
const config = fc.record({
  SIGN_IN_FLOW: fc.constantFrom<SignInFlow>('passwordless', 'password-then-code'),
  MAX_CODE_ATTEMPTS: fc.integer({ min: 1, max: 10 }),
}) as fc.Arbitrary<DefineConfig>;

function decide(cfg: DefineConfig, text: string, userNotFound: boolean) {
  let resends = 0;
  const session = [...text].map((l) => {
    const { challengeName, challengeResult } = LETTERS[l as Letter];
    if (challengeName !== 'CUSTOM_CHALLENGE') return LETTERS[l as Letter];
    const metadata = resends > 0 ? `${TOKEN}.r${resends}` : TOKEN;
    if (l === 'r') resends++;
    return entry(challengeName, challengeResult, metadata);
  });
  const clientMetadata = text.endsWith('r') ? { clientMetadata: { action: 'resend' } } : {};
  return decideNextChallenge({ session, userNotFound, ...clientMetadata }, cfg);
}

describe('Define Auth Challenge over random session histories', () => {
  const RUNS = 10_000;

  it.each<SignInFlow>(['passwordless', 'password-then-code'])(
    'decides exactly as the %s flow allows, for every MAX_CODE_ATTEMPTS',
    (flow) => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 10 }), history, fc.boolean(), (max, text, userNotFound) => {
          const decision = decide({ SIGN_IN_FLOW: flow, MAX_CODE_ATTEMPTS: max }, text, userNotFound);
          expect(decision.outcome).toBe(oracle(flow, max, text, userNotFound));
        }),
        { numRuns: RUNS },
      );
    },
  );

  it('never answers both issueTokens and failAuthentication, and names a challenge only when it continues', () => {
    fc.assert(
      fc.property(config, history, fc.boolean(), (cfg, text, userNotFound) => {
        const response = toDefineResponse(decide(cfg, text, userNotFound));
        expect(response.issueTokens && response.failAuthentication).toBe(false);
        expect(response.challengeName !== undefined).toBe(!response.issueTokens && !response.failAuthentication);
      }),
      { numRuns: RUNS },
    );
  });

  it('fails exactly at the limit: k wrong codes continue while k < MAX_CODE_ATTEMPTS', () => {
    for (const flow of ['passwordless', 'password-then-code'] as const) {
      for (let max = 1; max <= 10; max++) {
        for (let wrong = 0; wrong <= max; wrong++) {
          const text = (flow === 'passwordless' ? '' : 'SP') + 'c'.repeat(wrong);
          const decision = decide({ SIGN_IN_FLOW: flow, MAX_CODE_ATTEMPTS: max }, text, false);
          expect(decision).toEqual(
            wrong < max ? { outcome: 'custom-challenge', round: wrong + 1, resends: 0 } : { outcome: 'fail', reason: 'attempts-exhausted' },
          );
        }
      }
    }
  });
});
