import { DECOY_EMAIL_RECIPIENT, SIGN_IN_LIMIT_MESSAGE } from '@cognito-passwordless/contract';
import { decideNextChallenge, MAX_RESENDS_PER_SIGN_IN, MAX_SESSION_ENTRIES, SignInLimitError, type DefineDecision } from '../src';
import { createConfig, entry, MemoryStateStore, passwordless, passwordThenCode, RESEND, signIn, type Session } from './support';

const failedAnswers = (store: MemoryStateStore) =>
  [...store.items.values()].map((item) => Object.values((JSON.parse(item.data) as { failed: Record<string, number> }).failed).reduce((a, b) => a + b, 0));

describe('resending a code within a sign-in', () => {
  it('sends a new code after the cooldown; the old code stops working and the new one signs in', async () => {
    const flow = signIn({ digits: '111111222222' });
    await flow.start();
    flow.deps.now.advance(30_000);

    const resent = await flow.respond('resend', RESEND);

    expect(flow.deps.sendCode.sent.map((m) => m.code)).toEqual(['111111', '222222']);
    expect(resent.verified).toEqual({ answerCorrect: false, outcome: 'resend-requested' });
    expect(resent.created).toMatchObject({ outcome: 'code-sent', round: 2, attemptsLeft: 3, resends: 1 });
    expect(resent.created?.response.publicChallengeParameters).toEqual({
      hint: 'We sent a new 6-digit code to your email address; earlier codes no longer work. It is valid for 5 minutes.',
      attemptsLeft: '3',
      resendAfterSeconds: '30',
    });
    const old = await flow.respond('111111');
    expect(old.verified.outcome).toBe('wrong-code');
    const fresh = await flow.respond('222222');
    expect(fresh.verified.outcome).toBe('correct');
    expect(fresh.defined).toEqual({ outcome: 'issue-tokens', round: 3, resends: 1 });
  });

  it('sends nothing inside the cooldown, says how long to wait, and keeps the code already sent', async () => {
    const flow = signIn({ digits: '111111222222' });
    await flow.start();
    flow.deps.now.advance(12_300);

    const waited = await flow.respond('resend', RESEND);

    expect(flow.deps.sendCode.sent).toHaveLength(1);
    expect(waited.created).toMatchObject({ outcome: 'resend-wait', attemptsLeft: 3, resends: 1 });
    expect(waited.created?.response.publicChallengeParameters).toEqual({
      hint: 'A new code can be sent in 18 seconds. Until then, enter the code from the latest email.',
      attemptsLeft: '3',
      resendAfterSeconds: '18',
    });
    expect((await flow.respond('111111')).verified.outcome).toBe('correct');
  });

  it('counts the cooldown from the latest email, and a retry shows what is left of it', async () => {
    const flow = signIn({ digits: '111111222222' });
    await flow.start();
    flow.deps.now.advance(31_000);
    await flow.respond('resend', RESEND);
    flow.deps.now.advance(10_000);

    const retried = await flow.respond('000000');
    const waited = await flow.respond('resend', RESEND);

    expect(retried.created?.response.publicChallengeParameters['resendAfterSeconds']).toBe('20');
    expect(waited.created).toMatchObject({ outcome: 'resend-wait', attemptsLeft: 2 });
    expect(flow.deps.sendCode.sent).toHaveLength(2);
  });

  it('sends at once with a cooldown of 0', async () => {
    const flow = signIn({ digits: '111111222222', config: { ...createConfig, RESEND_COOLDOWN_SECONDS: 0 } });
    const first = await flow.start();

    const resent = await flow.respond('resend', RESEND);

    expect(first.publicChallengeParameters['resendAfterSeconds']).toBe('0');
    expect(resent.created?.outcome).toBe('code-sent');
  });

  it('keeps the attempts left: resends are neither wrong answers nor counted against the daily limit', async () => {
    const flow = signIn({ digits: '111111222222333333', config: { ...createConfig, RESEND_COOLDOWN_SECONDS: 0 } });
    await flow.start();

    const wrong = await flow.respond('000000');
    const resent = await flow.respond('resend', RESEND);
    const again = await flow.respond('resend', RESEND);
    const wrongAgain = await flow.respond('000000');
    const last = await flow.respond('000000');

    expect([wrong, resent, again, wrongAgain].map((step) => step.created?.attemptsLeft)).toEqual([2, 2, 2, 1]);
    expect(last.defined).toEqual({ outcome: 'fail', reason: 'attempts-exhausted' });
    expect(failedAnswers(flow.deps.store)).toEqual([3]);
  });

  it('ignores the answer text of a resend request, even the right code', async () => {
    const flow = signIn({ digits: '111111222222' });
    await flow.start();

    const step = await flow.respond('111111', RESEND);

    expect(step.verified).toEqual({ answerCorrect: false, outcome: 'resend-requested' });
    expect(failedAnswers(flow.deps.store)).toEqual([0]);
  });

  it('gives a known and an unknown username the same rounds, and the unknown one only decoy emails', async () => {
    const config = { ...createConfig, RESEND_COOLDOWN_SECONDS: 10 };
    const run = async (unknown: boolean) => {
      const flow = signIn({ digits: '111111222222', unknown, config });
      const seen = [(await flow.start()).publicChallengeParameters];
      flow.deps.now.advance(4_000);
      for (const step of [() => flow.respond('resend', RESEND), () => flow.respond('000000'), () => flow.respond('resend', RESEND)]) {
        seen.push((await step()).created!.response.publicChallengeParameters);
        flow.deps.now.advance(7_000);
      }
      return { seen, sent: flow.deps.sendCode.sent.map((m) => m.to), io: [flow.deps.store.loads, flow.deps.store.saves] };
    };

    const known = await run(false);
    const unknown = await run(true);

    expect(unknown.seen).toEqual(known.seen);
    expect(unknown.io).toEqual(known.io);
    expect(known.sent).toEqual(['jane.doe@example.com', 'jane.doe@example.com']);
    expect(unknown.sent).toEqual([DECOY_EMAIL_RECIPIENT, DECOY_EMAIL_RECIPIENT]);
  });

  it.each([false, true])('counts resends against MAX_CODES_PER_HOUR and refuses past it like a new sign-in (unknown user: %s)', async (unknown) => {
    const config = { ...createConfig, MAX_CODES_PER_HOUR: 2, RESEND_COOLDOWN_SECONDS: 0 };
    const flow = signIn({ digits: '111111222222333333', unknown, config });
    await flow.start();
    await flow.respond('resend', RESEND);

    const refused = flow.respond('resend', RESEND);

    await expect(refused).rejects.toThrow(new SignInLimitError('codes-per-hour'));
    await expect(refused).rejects.toThrow(SIGN_IN_LIMIT_MESSAGE);
    expect(flow.deps.sendCode.sent).toHaveLength(2);
  });

  it(`fails the sign-in at resend request ${MAX_RESENDS_PER_SIGN_IN + 1}`, async () => {
    const flow = signIn({ digits: '1'.repeat(100), config: { ...createConfig, MAX_CODES_PER_HOUR: 100, MAX_CODE_ATTEMPTS: 10 } });
    await flow.start();
    const outcomes: string[] = [];
    for (let i = 0; i < 9; i++) outcomes.push((await flow.respond('000000')).defined.outcome);
    for (let i = 0; i <= MAX_RESENDS_PER_SIGN_IN; i++) outcomes.push((await flow.respond('resend', RESEND)).defined.outcome);

    expect(outcomes.slice(0, -1).every((o) => o === 'custom-challenge')).toBe(true);
    expect(decideLast(flow.session, RESEND)).toEqual({ outcome: 'fail', reason: 'resends-exhausted' });
    expect(flow.session).toHaveLength(9 + MAX_RESENDS_PER_SIGN_IN + 1);
  });
});

const decideLast = (session: Session, clientMetadata?: Record<string, string>): DefineDecision =>
  decideNextChallenge({ session, userNotFound: false, ...(clientMetadata ? { clientMetadata } : {}) }, passwordless(10));

describe('Define Auth Challenge with resend requests', () => {
  const TOKEN = `v2.1767225600000.${'A'.repeat(16)}.${'B'.repeat(43)}`;
  const round = (result: boolean, resendsBefore: number) =>
    entry('CUSTOM_CHALLENGE', result, resendsBefore > 0 ? `${TOKEN}.r${resendsBefore}` : TOKEN);
  const decide = (session: Session, clientMetadata?: Record<string, string>, config = passwordless()) =>
    decideNextChallenge({ session, userNotFound: false, ...(clientMetadata ? { clientMetadata } : {}) }, config);

  it('does not count a resend request as a wrong answer', () => {
    expect(decide([round(false, 0), round(false, 0)], RESEND)).toEqual({ outcome: 'custom-challenge', round: 3, resends: 1 });
    expect(decide([round(false, 0), round(false, 1), round(false, 1)])).toEqual({ outcome: 'custom-challenge', round: 4, resends: 1 });
    expect(decide([round(false, 0), round(false, 1), round(false, 1), round(true, 1)])).toEqual({ outcome: 'issue-tokens', round: 4, resends: 1 });
  });

  it('issues tokens on the longest valid session, MAX_SESSION_ENTRIES entries, and refuses one entry more', () => {
    const resends = Array.from({ length: MAX_RESENDS_PER_SIGN_IN }, (_, i) => round(false, i));
    const wrong = Array.from({ length: 9 }, () => round(false, MAX_RESENDS_PER_SIGN_IN));
    const longest = [entry('SRP_A', true), entry('PASSWORD_VERIFIER', true), ...resends, ...wrong, round(true, MAX_RESENDS_PER_SIGN_IN)];

    expect(longest).toHaveLength(MAX_SESSION_ENTRIES);
    expect(decide(longest, undefined, passwordThenCode(10))).toMatchObject({ outcome: 'issue-tokens' });
    expect(decide([...longest.slice(0, -1), round(false, MAX_RESENDS_PER_SIGN_IN), round(true, MAX_RESENDS_PER_SIGN_IN)], undefined, passwordThenCode(10))).toEqual({
      outcome: 'fail',
      reason: 'malformed-event',
    });
  });

  it('still fails at MAX_CODE_ATTEMPTS wrong answers between resends', () => {
    expect(decide([round(false, 0), round(false, 1), round(false, 1), round(false, 1)])).toEqual({ outcome: 'fail', reason: 'attempts-exhausted' });
  });

  it('refuses counts Create never writes', () => {
    expect(decide([round(false, 1)])).toEqual({ outcome: 'fail', reason: 'invalid-session' });
    expect(decide([round(false, 0), round(false, 2)])).toEqual({ outcome: 'fail', reason: 'invalid-session' });
    expect(decide([round(false, 0), round(false, 1), round(false, 0)])).toEqual({ outcome: 'fail', reason: 'invalid-session' });
  });

  it('refuses a right answer to a round answered with a resend request (Verify never gives one)', () => {
    expect(decide([round(true, 0)], RESEND)).toEqual({ outcome: 'fail', reason: 'invalid-session' });
  });

  it('ignores a resend request before the first code round (password-then-code passes the password round its metadata)', () => {
    const session = [entry('SRP_A', true), entry('PASSWORD_VERIFIER', true)];
    expect(decide(session, RESEND, passwordThenCode())).toEqual({ outcome: 'custom-challenge', round: 1, resends: 0 });
  });

  it('reads only the action "resend"', () => {
    expect(decide([round(false, 0)], { action: 'Resend' })).toEqual({ outcome: 'custom-challenge', round: 2, resends: 0 });
  });
});
