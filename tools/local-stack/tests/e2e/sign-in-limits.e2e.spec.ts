import { ConfirmSignUpCommand, InitiateAuthCommand, RespondToAuthChallengeCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DECOY_EMAIL_RECIPIENT, SIGN_IN_LIMIT_MESSAGE } from '@cognito-passwordless/contract';
import { failure, PASSWORD, startTestStack, uniqueUser, type TestStack } from '../support/test-stack';

const CAP = 3;
const FAILURES = 4;

describe('per-username limits over the local stack (dynalite, real bundles, real SES sink)', () => {
  let t: TestStack;

  beforeAll(async () => {
    t = await startTestStack({ triggerSettings: { MAX_CODES_PER_HOUR: String(CAP), MAX_FAILED_ANSWERS_PER_DAY: String(FAILURES) } });
  });
  afterAll(() => t?.stop());

  async function confirmedUser(prefix: string) {
    const user = uniqueUser(prefix);
    const { userPoolClientId: ClientId } = t.outputs;
    await t.client.send(new SignUpCommand({ ClientId, Username: user.username, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: user.email }] }));
    const code = await t.mail.verificationCode(user.email);
    await t.client.send(new ConfirmSignUpCommand({ ClientId, Username: user.username, ConfirmationCode: code }));
    return user;
  }

  const initiate = (username: string) =>
    t.client.send(new InitiateAuthCommand({ ClientId: t.outputs.userPoolClientId, AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME: username } }));
  const answer = (username: string, session: string | undefined, code: string) =>
    t.client.send(
      new RespondToAuthChallengeCommand({
        ClientId: t.outputs.userPoolClientId,
        ChallengeName: 'CUSTOM_CHALLENGE',
        Session: session,
        ChallengeResponses: { USERNAME: username, ANSWER: code },
      }),
    );
  /** What the client sees of a start: the challenge's public parameters, or the error's name and message. */
  const visibleStart = (username: string) =>
    initiate(username).then(
      (started) => ({ hint: started.ChallengeParameters?.['hint'], attemptsLeft: started.ChallengeParameters?.['attemptsLeft'] }),
      (error: Error) => ({ error: error.name, message: error.message }),
    );

  it('sends at most MAX_CODES_PER_HOUR emails for 200 starts of one username, and refuses the rest', async () => {
    const user = await confirmedUser('bombed');

    const results = [];
    for (let batch = 0; batch < 10; batch++) results.push(...(await Promise.all(Array.from({ length: 20 }, () => visibleStart(user.username)))));

    // The sign-up verification, then the codes: at most the cap (fewer if a busy machine made the store time out, which fails closed).
    const codes = (await t.mail.to(user.email)).length - 1;
    expect(codes).toBeGreaterThanOrEqual(1);
    expect(codes).toBeLessThanOrEqual(CAP);
    const refused = results.filter((r) => 'error' in r);
    expect(refused).toHaveLength(200 - codes);
    expect(refused.every((r) => r.error === 'UserLambdaValidationException')).toBe(true);
    expect(refused.some((r) => r.message?.includes(SIGN_IN_LIMIT_MESSAGE))).toBe(true);
    expect(t.logs.some((line) => line.includes('"outcome":"limited"') && line.includes('"reason":"codes-per-hour"'))).toBe(true);
  }, 120_000);

  it('gives a locked user and an unknown username the same answers', async () => {
    const locked = await confirmedUser('locked');
    const unknown = uniqueUser('nobody').username;
    for (const username of [locked.username, unknown]) {
      for (let i = 0; i < 2; i++) {
        let step = await initiate(username);
        for (let j = 0; j < 2; j++) step = await answer(username, step.Session, '000000');
      }
    }

    const answers = [await visibleStart(locked.username), await visibleStart(unknown)];

    expect(answers[0]).toEqual({ error: 'UserLambdaValidationException', message: `CreateAuthChallenge failed with error ${SIGN_IN_LIMIT_MESSAGE}.` });
    expect(answers[1]).toEqual(answers[0]);
    expect((await t.mail.to(locked.email)).length).toBe(1 + 2);
    expect((await t.mail.to(DECOY_EMAIL_RECIPIENT)).length).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('refuses even the right code once MAX_FAILED_ANSWERS_PER_DAY wrong answers were counted mid-session', async () => {
    const user = await confirmedUser('mid');
    let step = await initiate(user.username);
    for (let i = 0; i < 2; i++) step = await answer(user.username, step.Session, '000000');
    step = await initiate(user.username);
    step = await answer(user.username, step.Session, '000000');
    step = await answer(user.username, step.Session, '000000'); // the fourth wrong answer: the limit
    const code = await t.mail.latestCode(user.email);

    const error = await failure(answer(user.username, step.Session, code));

    expect(error.name).toBe('NotAuthorizedException');
    expect(t.logs.some((line) => line.includes('"trigger":"verify"') && line.includes('"outcome":"limited"'))).toBe(true);
  });
});
