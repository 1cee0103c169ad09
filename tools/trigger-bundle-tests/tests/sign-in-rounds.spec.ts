import type { LambdaFunction } from '@cognito-passwordless/lambda-runner';
import { DECOY_EMAIL_RECIPIENT } from '@cognito-passwordless/contract';
import { startDynalite, type DynaliteServer } from '@cognito-passwordless/dynamodb-local';
import { startSesSink, type CapturedEmail, type SesSink } from '@cognito-passwordless/ses-sink';
import { DeployedBundles, localSesEnv, localStoreEnv, STATE_TABLE } from './bundles';
import { CognitoRounds, KNOWN_USER, UNKNOWN_USER, type Step, type User } from './cognito-rounds';

const EMAIL_FROM = 'Example Sign-in <sign-in@example.com>';
const TTL_SECONDS = 120;

/** The one 6-10 digit number in each body of a sign-in email: the code. */
function codeIn(email: CapturedEmail): string {
  const inText = email.body.text?.match(/\b\d{6,10}\b/g) ?? [];
  const inHtml = email.body.html?.match(/\b\d{6,10}\b/g) ?? [];
  expect(inText).toHaveLength(1);
  expect(inHtml).toEqual(inText);
  return inText[0]!;
}

const wrongCode = (code: string) => code.replace(/^./, (d) => String((Number(d) + 1) % 10));

describe('the three bundles, driven round by round as Cognito does', () => {
  let sink: SesSink;
  let dynalite: DynaliteServer;
  let bundles: DeployedBundles;
  let fns: Record<'define' | 'definePassword' | 'create' | 'verify' | 'createLater' | 'verifyLater' | 'createNoCooldown', LambdaFunction>;

  beforeAll(async () => {
    [sink, dynalite] = await Promise.all([startSesSink(), startDynalite()]);
    await dynalite.createStateTable(STATE_TABLE);
    bundles = new DeployedBundles();
    const store = localStoreEnv(dynalite.endpoint);
    // One username signs in over and over here: limits high enough to stay out of the way (their own tests are below).
    const createEnv = { ...localSesEnv(sink.endpoint), ...store, EMAIL_FROM, CODE_TTL_SECONDS: String(TTL_SECONDS), MAX_CODES_PER_HOUR: '100', MAX_FAILED_ANSWERS_PER_DAY: '100' };
    const verifyEnv = { ...store, CODE_TTL_SECONDS: String(TTL_SECONDS), MAX_FAILED_ANSWERS_PER_DAY: '100' };
    const afterExpiry = { clockOffsetMs: (TTL_SECONDS + 1) * 1000 };
    fns = {
      define: bundles.start('define-auth-challenge', {}),
      definePassword: bundles.start('define-auth-challenge', { SIGN_IN_FLOW: 'password-then-code' }),
      create: bundles.start('create-auth-challenge', createEnv),
      verify: bundles.start('verify-auth-challenge', verifyEnv),
      createLater: bundles.start('create-auth-challenge', createEnv, afterExpiry),
      verifyLater: bundles.start('verify-auth-challenge', verifyEnv, afterExpiry),
      createNoCooldown: bundles.start('create-auth-challenge', { ...createEnv, RESEND_COOLDOWN_SECONDS: '0' }),
    };
  });
  afterAll(async () => {
    await bundles?.stop();
    await sink?.stop();
    await dynalite?.stop();
  });
  beforeEach(() => sink.clear());
  /** What people would receive: everything but the mailbox simulator's decoys. */
  const peoplesMail = async () => (await sink.emails()).filter((e) => !e.destination.to.includes(DECOY_EMAIL_RECIPIENT));

  const rounds = (user: User = KNOWN_USER, which: Partial<Record<'define' | 'create' | 'verify', LambdaFunction>> = {}) =>
    new CognitoRounds({ define: fns.define, create: fns.create, verify: fns.verify, ...which }, user);

  const challenge = (step: Step) => {
    expect(step.kind).toBe('challenge');
    return step as Extract<Step, { kind: 'challenge' }>;
  };

  it('signs in with the emailed code', async () => {
    const flow = rounds();

    const first = challenge(await flow.start());
    const emails = await sink.emails();
    const done = await flow.answer(first, codeIn(emails[0]!));

    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ from: EMAIL_FROM, subject: 'Your sign-in code', destination: { to: ['jane.doe@example.com'] } });
    expect(emails[0]!.body.text).toContain('valid for 2 minutes');
    expect(first.publicChallengeParameters).toEqual({
      hint: 'Enter the 6-digit code we sent to your email address. It is valid for 2 minutes.',
      attemptsLeft: '3',
      resendAfterSeconds: '30',
    });
    expect(done).toEqual({ kind: 'tokens' });
  });

  it('starts the same way when the client opens with SRP_A', async () => {
    const flow = rounds();

    const first = challenge(await flow.start({ srp: true }));
    const [email] = await sink.emails();

    expect(await flow.answer(first, codeIn(email!))).toEqual({ kind: 'tokens' });
  });

  it('keeps the same code after a wrong answer and sends exactly one email', async () => {
    const flow = rounds();

    const first = challenge(await flow.start());
    const [email] = await sink.emails();
    const code = codeIn(email!);
    const second = challenge(await flow.answer(first, wrongCode(code)));
    const third = challenge(await flow.answer(second, ` ${wrongCode(wrongCode(code))}\n`));
    const done = await flow.answer(third, code);

    expect(second.publicChallengeParameters).toEqual({
      hint: 'That code is not right. Enter the 6-digit code from the same email.',
      attemptsLeft: '2',
      resendAfterSeconds: expect.stringMatching(/^(2[0-9]|30)$/),
    });
    expect(third.publicChallengeParameters['attemptsLeft']).toBe('1');
    expect(done).toEqual({ kind: 'tokens' });
    expect(await sink.emails()).toHaveLength(1);
  });

  it('fails after the third wrong code', async () => {
    const flow = rounds();

    let step = await flow.start();
    const code = codeIn((await sink.emails())[0]!);
    for (let i = 0; i < 3; i++) step = await flow.answer(challenge(step), wrongCode(code));

    expect(step).toEqual({ kind: 'fail' });
    expect(await sink.emails()).toHaveLength(1);
  });

  it('gives an unknown user the same challenges and the same end, and emails only the mailbox simulator', async () => {
    const known = rounds();
    const unknown = rounds(UNKNOWN_USER);

    const knownSteps: Step[] = [await known.start()];
    await sink.clear();
    const unknownSteps: Step[] = [await unknown.start()];
    expect((await sink.emails()).map((e) => e.destination.to)).toEqual([[DECOY_EMAIL_RECIPIENT]]);
    await sink.clear();
    for (let i = 0; i < 3; i++) {
      knownSteps.push(await known.answer(challenge(knownSteps.at(-1)!), '000000'));
      unknownSteps.push(await unknown.answer(challenge(unknownSteps.at(-1)!), '000000'));
    }

    const visible = (steps: Step[]) => steps.map((s) => (s.kind === 'challenge' ? s.publicChallengeParameters : s.kind));
    expect(visible(unknownSteps)).toEqual(visible(knownSteps));
    expect(unknownSteps.at(-1)).toEqual({ kind: 'fail' });
    expect(await sink.emails()).toHaveLength(0);
    expect(await peoplesMail()).toHaveLength(0);
  });

  it('refuses the right code once it has expired', async () => {
    const flow = rounds(KNOWN_USER, { verify: fns.verifyLater });

    const first = challenge(await flow.start());
    const step = await flow.answer(first, codeIn((await sink.emails())[0]!));

    expect(step.kind).toBe('challenge');
  });

  it('does not revive an expired code on retry, and sends nothing', async () => {
    const flow = rounds(KNOWN_USER, { create: fns.create });
    const first = challenge(await flow.start());
    const code = codeIn((await sink.emails())[0]!);

    const later = new CognitoRounds({ define: fns.define, create: fns.createLater, verify: fns.verifyLater }, KNOWN_USER);
    later.session.push(...flow.session);
    const retried = challenge(await later.answer(first, wrongCode(code)));
    const afterRight = await later.answer(retried, code);

    expect(retried.publicChallengeParameters).toEqual({ hint: 'Your code has expired. Ask for a new code, or sign in again.', attemptsLeft: '2', resendAfterSeconds: '0' });
    expect(afterRight.kind).toBe('challenge');
    expect(await sink.emails()).toHaveLength(1);
  });

  it('runs password-then-code: password first, then the code', async () => {
    const flow = rounds(KNOWN_USER, { define: fns.definePassword });

    expect(await flow.start({ srp: true })).toEqual({ kind: 'password-verifier' });
    expect(await sink.emails()).toHaveLength(0);
    const first = challenge(await flow.passwordChecked(true));
    const done = await flow.answer(first, codeIn((await sink.emails())[0]!));

    expect(done).toEqual({ kind: 'tokens' });
  });

  it('ends password-then-code at a wrong password without an email', async () => {
    const flow = rounds(KNOWN_USER, { define: fns.definePassword });

    await flow.start({ srp: true });
    const step = await flow.passwordChecked(false);

    expect(step).toEqual({ kind: 'fail' });
    expect(await sink.emails()).toHaveLength(0);
  });

  it('fails password-then-code for a client that skips SRP', async () => {
    expect(await rounds(KNOWN_USER, { define: fns.definePassword }).start()).toEqual({ kind: 'fail' });
  });

  it('writes structured logs that hold no code, no challenge hash and no full address', async () => {
    const flow = rounds();
    const first = challenge(await flow.start());
    const code = codeIn((await sink.emails())[0]!);
    await flow.answer(first, code);

    const decisions = bundles.logLines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(decisions.length).toBeGreaterThan(0);
    expect(decisions.every((d) => typeof d['trigger'] === 'string' && typeof d['outcome'] === 'string')).toBe(true);
    const all = bundles.logLines.join('\n');
    expect(all).not.toContain(code);
    expect(all).not.toContain(first.metadata.split('.').at(-1));
    expect(all).not.toContain('jane.doe@example.com');
    expect(all).not.toContain('nobody@example.com');
  });

  it('never accepts the right code twice', async () => {
    const flow = rounds();
    const first = challenge(await flow.start());
    const code = codeIn((await sink.emails())[0]!);
    expect(await flow.answer(first, code)).toEqual({ kind: 'tokens' });

    const replay = await fns.verify.invoke({
      version: '1',
      region: 'us-east-1',
      userPoolId: 'us-east-1_Example01',
      userName: KNOWN_USER.userName,
      callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client' },
      triggerSource: 'VerifyAuthChallengeResponse_Authentication',
      request: { userAttributes: KNOWN_USER.userAttributes, privateChallengeParameters: first.private, challengeAnswer: code, userNotFound: false },
      response: { answerCorrect: null },
    });

    expect(replay).toMatchObject({ response: { answerCorrect: false } });
  });

  describe('resending a code', () => {
    const RESEND = { action: 'resend' };

    it('sends a new code that signs in, kills the old one and keeps the attempts left', async () => {
      const flow = rounds(KNOWN_USER, { create: fns.createNoCooldown });
      const first = challenge(await flow.start());
      const oldCode = codeIn((await sink.emails())[0]!);

      const wrong = challenge(await flow.answer(first, wrongCode(oldCode)));
      const resent = challenge(await flow.answer(wrong, 'resend', RESEND));
      const emails = await sink.emails();
      const newCode = codeIn(emails[1]!);
      const oldTried = challenge(await flow.answer(resent, oldCode));
      const done = await flow.answer(oldTried, newCode);

      expect(emails.map((e) => e.destination.to)).toEqual([['jane.doe@example.com'], ['jane.doe@example.com']]);
      expect(resent.publicChallengeParameters).toMatchObject({ attemptsLeft: '2', resendAfterSeconds: '0' });
      expect(resent.publicChallengeParameters['hint']).toContain('earlier codes no longer work');
      expect(oldTried.publicChallengeParameters['attemptsLeft']).toBe('1');
      expect(done).toEqual({ kind: 'tokens' });
    });

    it('sends nothing inside RESEND_COOLDOWN_SECONDS and says how long to wait; the first code still signs in', async () => {
      const flow = rounds();
      const first = challenge(await flow.start());
      const code = codeIn((await sink.emails())[0]!);

      const waited = challenge(await flow.answer(first, 'resend', RESEND));
      const done = await flow.answer(waited, code);

      expect(Number(waited.publicChallengeParameters['resendAfterSeconds'])).toBeGreaterThan(20);
      expect(waited.publicChallengeParameters['attemptsLeft']).toBe('3');
      expect(await sink.emails()).toHaveLength(1);
      expect(done).toEqual({ kind: 'tokens' });
    });

    it('gives an unknown user the same rounds and only decoy emails', async () => {
      const steps = async (user: User) => {
        const flow = rounds(user, { create: fns.createNoCooldown });
        const visible = [challenge(await flow.start())];
        visible.push(challenge(await flow.answer(visible[0]!, 'resend', RESEND)));
        visible.push(challenge(await flow.answer(visible[1]!, '000000')));
        return visible.map((step) => step.publicChallengeParameters);
      };

      const known = await steps(KNOWN_USER);
      const knownMail = await peoplesMail();
      await sink.clear();
      const unknown = await steps(UNKNOWN_USER);

      expect(unknown).toEqual(known);
      expect(knownMail).toHaveLength(2);
      expect((await sink.emails()).map((e) => e.destination.to)).toEqual([[DECOY_EMAIL_RECIPIENT], [DECOY_EMAIL_RECIPIENT]]);
    });
  });
});
