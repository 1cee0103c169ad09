import fc from 'fast-check';
import { MAX_RESENDS_PER_SIGN_IN, SignInLimitError, type CreateConfig } from '../src';
import { RESEND, signIn } from './support';

type Action = { kind: 'wrong' } | { kind: 'resend' } | { kind: 'wait'; ms: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.constant({ kind: 'wrong' } as const),
  fc.constant({ kind: 'resend' } as const),
  fc.constant({ kind: 'resend' } as const),
  fc.integer({ min: 1, max: 40_000 }).map((ms) => ({ kind: 'wait', ms }) as const),
);
const config: fc.Arbitrary<CreateConfig> = fc.record({
  MAX_CODE_ATTEMPTS: fc.integer({ min: 1, max: 10 }),
  CODE_LENGTH: fc.constant(6),
  CODE_TTL_SECONDS: fc.constant(300),
  MAX_CODES_PER_HOUR: fc.integer({ min: 1, max: 8 }),
  MAX_FAILED_ANSWERS_PER_DAY: fc.constant(30),
  RESEND_COOLDOWN_SECONDS: fc.constantFrom(0, 1, 10, 30, 300),
});

/**
 * One sign-in driven by random answers, resend requests and pauses (all
 * within an hour). Returns what an observer of the mailbox and of the client
 * would see.
 */
async function run(cfg: CreateConfig, actions: readonly Action[], unknown: boolean) {
  // Codes 111111, 222222, ...: each email's code differs, and none is the wrong answer 000000.
  const flow = signIn({ config: { ...cfg }, unknown, digits: Array.from({ length: 9 }, (_, i) => String(i + 1).repeat(6)).join('') });
  const sendTimes: number[] = [];
  const noteSends = (before: number) => {
    if (flow.deps.sendCode.sent.length > before) sendTimes.push(flow.deps.now());
  };
  const seen: Record<string, string>[] = [];
  const first = await flow.start();
  noteSends(0);
  seen.push(first.publicChallengeParameters);
  let wrong = 0;
  let resends = 0;
  let end = 'open';
  for (const next of actions) {
    if (next.kind === 'wait') {
      flow.deps.now.advance(next.ms);
      continue;
    }
    const before = flow.deps.sendCode.sent.length;
    const sinceLastSend = flow.deps.now() - sendTimes.at(-1)!;
    try {
      const step = next.kind === 'wrong' ? await flow.respond('000000') : await flow.respond('resend', RESEND);
      if (next.kind === 'wrong') wrong++;
      else resends++;
      noteSends(before);
      if (step.defined.outcome === 'fail') {
        end = step.defined.reason;
        break;
      }
      const params = step.created!.response.publicChallengeParameters;
      seen.push(params);
      // The attempts left never count resends.
      expect(params['attemptsLeft']).toBe(String(cfg.MAX_CODE_ATTEMPTS - wrong));
      // A resend sends exactly when the cooldown has passed (and the cap allowed it).
      if (next.kind === 'resend') expect(flow.deps.sendCode.sent.length > before).toBe(sinceLastSend >= cfg.RESEND_COOLDOWN_SECONDS * 1000);
    } catch (error) {
      // Refused only at the hourly cap, only for a resend past the cooldown.
      expect(error).toEqual(new SignInLimitError('codes-per-hour'));
      expect(next.kind).toBe('resend');
      expect(sendTimes).toHaveLength(cfg.MAX_CODES_PER_HOUR);
      expect(sinceLastSend).toBeGreaterThanOrEqual(cfg.RESEND_COOLDOWN_SECONDS * 1000);
      end = 'limited';
      break;
    }
  }
  return { sendTimes, seen, end, wrong, resends, flow };
}

describe('resend rules over random sign-ins', () => {
  it('never emails more than MAX_CODES_PER_HOUR nor two codes within RESEND_COOLDOWN_SECONDS, and ends only at a bound', async () => {
    await fc.assert(
      fc.asyncProperty(config, fc.array(action, { maxLength: 40 }), fc.boolean(), async (cfg, actions, unknown) => {
        const { sendTimes, end, wrong, resends } = await run(cfg, actions, unknown);

        expect(sendTimes.length).toBeLessThanOrEqual(cfg.MAX_CODES_PER_HOUR);
        for (let i = 1; i < sendTimes.length; i++) expect(sendTimes[i]! - sendTimes[i - 1]!).toBeGreaterThanOrEqual(cfg.RESEND_COOLDOWN_SECONDS * 1000);
        if (end === 'attempts-exhausted') expect(wrong).toBe(cfg.MAX_CODE_ATTEMPTS);
        if (end === 'resends-exhausted') expect(resends).toBe(MAX_RESENDS_PER_SIGN_IN + 1);
        expect(['open', 'limited', 'attempts-exhausted', 'resends-exhausted']).toContain(end);
      }),
      { numRuns: 300 },
    );
  });

  it('shows a known and an unknown username the same rounds; only the last emailed code signs in', async () => {
    await fc.assert(
      fc.asyncProperty(config, fc.array(action, { maxLength: 25 }), async (cfg, actions) => {
        const known = await run(cfg, actions, false);
        const unknown = await run(cfg, actions, true);

        expect(unknown.seen).toEqual(known.seen);
        expect(unknown.end).toBe(known.end);
        expect(unknown.sendTimes).toEqual(known.sendTimes);
        // The code must still be alive for the check.
        if (known.end !== 'open' || known.flow.deps.now() - known.sendTimes.at(-1)! > cfg.CODE_TTL_SECONDS * 1000) return;
        const codes = known.flow.deps.sendCode.sent.map((message) => message.code);
        if (codes.length >= 2 && known.wrong + 1 < cfg.MAX_CODE_ATTEMPTS) {
          expect((await known.flow.respond(codes.at(-2)!)).verified.outcome).toBe('wrong-code');
        }
        expect((await known.flow.respond(codes.at(-1)!)).defined.outcome).toBe('issue-tokens');
      }),
      { numRuns: 200 },
    );
  });
});
