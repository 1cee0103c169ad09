import { DECOY_EMAIL_RECIPIENT, SIGN_IN_LIMIT_MESSAGE } from '@cognito-passwordless/contract';
import { startDynalite, type DynaliteServer } from '@cognito-passwordless/dynamodb-local';
import { LambdaInvocationError, type LambdaFunction } from '@cognito-passwordless/lambda-runner';
import { startSesSink, type SesSink } from '@cognito-passwordless/ses-sink';
import { DeployedBundles, localSesEnv, localStoreEnv, STATE_TABLE } from './bundles';
import { CognitoRounds, KNOWN_USER, UNKNOWN_USER, type Step, type User } from './cognito-rounds';

/** What a client sees of a start: the challenge's public parameters, or the error's type and message. */
async function visibleStart(fns: Record<'define' | 'create' | 'verify', LambdaFunction>, user: User) {
  try {
    const step = await new CognitoRounds(fns, user).start();
    return step.kind === 'challenge' ? step.publicChallengeParameters : step.kind;
  } catch (error) {
    if (!(error instanceof LambdaInvocationError)) throw error;
    return { errorType: error.errorType, errorMessage: error.errorMessage };
  }
}

describe('per-username limits in the bundles, against dynalite', () => {
  let sink: SesSink;
  let dynalite: DynaliteServer;
  let bundles: DeployedBundles;
  let fns: Record<'define' | 'create' | 'verify', LambdaFunction>;

  beforeAll(async () => {
    [sink, dynalite] = await Promise.all([startSesSink(), startDynalite()]);
    await dynalite.createStateTable(STATE_TABLE);
    bundles = new DeployedBundles();
    const store = localStoreEnv(dynalite.endpoint);
    const limits = { MAX_CODES_PER_HOUR: '3', MAX_FAILED_ANSWERS_PER_DAY: '4' };
    fns = {
      define: bundles.start('define-auth-challenge', {}),
      create: bundles.start('create-auth-challenge', { ...localSesEnv(sink.endpoint), ...store, ...limits, EMAIL_FROM: 'sign-in@example.com' }),
      verify: bundles.start('verify-auth-challenge', { ...store, ...limits }),
    };
  });
  afterAll(async () => {
    await bundles?.stop();
    await sink?.stop();
    await dynalite?.stop();
  });
  beforeEach(() => sink.clear());

  it('emails at most MAX_CODES_PER_HOUR codes for 20 parallel starts, and refuses the rest with the limit message', async () => {
    const user = { ...KNOWN_USER, userName: 'parallel@example.com' };
    // One sign-in of another user first: the functions' first store call pays for the SDK's own start-up.
    await visibleStart(fns, { ...KNOWN_USER, userName: 'warm-up@example.com' });
    await sink.clear();

    const results = await Promise.all(Array.from({ length: 20 }, () => visibleStart(fns, user)));

    const emails = await sink.emails();
    expect(emails.length).toBeLessThanOrEqual(3);
    expect(emails.length).toBeGreaterThan(0);
    const refusals = results.filter((r) => typeof r === 'object' && 'errorType' in r);
    expect(refusals.length).toBe(20 - emails.length);
    expect(refusals.every((r) => (r as { errorType: string }).errorType !== 'SignInLimitError' || (r as { errorMessage: string }).errorMessage === SIGN_IN_LIMIT_MESSAGE)).toBe(true);
    const limited = bundles.logLines.filter((l) => l.includes('"outcome":"limited"') && l.includes('"reason":"codes-per-hour"'));
    expect(limited.length).toBeGreaterThan(0);
  });

  it('gives a locked user and an unknown username the same answers', async () => {
    const locked: User = { ...KNOWN_USER, userName: 'locked@example.com' };
    const unknown: User = { ...UNKNOWN_USER, userName: 'no-such-user@example.com' };
    for (const user of [locked, unknown]) {
      const flow = new CognitoRounds(fns, user);
      let step: Step = await flow.start();
      for (let i = 0; i < 3 && step.kind === 'challenge'; i++) step = await flow.answer(step, '000000');
      step = await new CognitoRounds(fns, user).start();
      await new CognitoRounds(fns, user).answer(step, '000000');
    }

    const answers = [await visibleStart(fns, locked), await visibleStart(fns, unknown)];

    expect(answers[0]).toEqual({ errorType: 'SignInLimitError', errorMessage: SIGN_IN_LIMIT_MESSAGE });
    expect(answers[1]).toEqual(answers[0]);
    const people = (await sink.emails()).filter((e) => !e.destination.to.includes(DECOY_EMAIL_RECIPIENT));
    expect(people.every((e) => e.destination.to[0] === KNOWN_USER.userAttributes['email'])).toBe(true);
  });
});
