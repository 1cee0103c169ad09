import { ConfirmSignUpCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { join } from 'node:path';
import {
  failure,
  initiateCustomAuth,
  PASSWORD,
  respondToCustomChallenge,
  startTestStack,
  uniqueUser,
  type TestStack,
} from '../support/test-stack';

const BUNDLES = join(__dirname, '..', 'fixtures', 'trigger-bundles');

interface LoggedEvent {
  readonly function: string;
  readonly event: {
    version: string;
    region: string;
    userPoolId: string;
    userName: string;
    callerContext: { clientId: string };
    triggerSource: string;
    request: Record<string, unknown>;
    response: Record<string, unknown>;
  };
}

describe('trigger invocation as Cognito does it (test bundles)', () => {
  let t: TestStack;

  beforeAll(async () => {
    t = await startTestStack({
      bundles: { define: join(BUNDLES, 'define.mjs'), create: join(BUNDLES, 'create.mjs'), verify: join(BUNDLES, 'verify.mjs') },
      triggerTimeoutMs: 800,
    });
  });
  afterAll(() => t?.stop());

  const events = (userName: string): LoggedEvent[] =>
    t.logs.flatMap((line) => {
      const match = /^\[(\w+)-auth-challenge\] EVENT (.*)$/.exec(line);
      if (!match) return [];
      const event = JSON.parse(match[2]!) as LoggedEvent['event'];
      return event.userName === userName ? [{ function: match[1]!, event }] : [];
    });
  const initiate = (username: string, extra: Parameters<typeof initiateCustomAuth>[2] = {}) => initiateCustomAuth(t, username, extra);
  const respond = (username: string, session: string | undefined, answer: string, clientMetadata?: Record<string, string>) =>
    respondToCustomChallenge(t, username, session, answer, clientMetadata);

  it("sends Cognito's event shape, the session with challengeMetadata, and clientMetadata only from RespondToAuthChallenge", async () => {
    const user = uniqueUser();
    await t.client.send(
      new SignUpCommand({ ClientId: t.outputs.userPoolClientId, Username: user.username, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: user.email }] }),
    );
    await t.client.send(
      new ConfirmSignUpCommand({ ClientId: t.outputs.userPoolClientId, Username: user.username, ConfirmationCode: await t.mail.verificationCode(user.email) }),
    );

    const first = await initiate(user.username, { ClientMetadata: { from: 'initiate' } });
    const second = await respond(user.username, first.Session, '41', { from: 'respond' });
    const done = await respond(user.username, second.Session, '42');

    expect(first.ChallengeParameters).toEqual({ hint: 'Say 42', round: '1', USERNAME: user.username });
    expect(second.ChallengeParameters).toMatchObject({ round: '2' });
    expect(done.AuthenticationResult?.IdToken).toEqual(expect.any(String));
    const seen = events(user.username);
    expect(seen.map((entry) => entry.function)).toEqual(['define', 'create', 'verify', 'define', 'create', 'verify', 'define']);
    const [define1, create1, verify1, define2, create2, verify2, define3] = seen.map((entry) => entry.event);
    expect(define1).toEqual({
      version: '1',
      region: t.outputs.region,
      userPoolId: t.outputs.userPoolId,
      userName: user.username,
      callerContext: { awsSdkVersion: expect.any(String), clientId: t.outputs.userPoolClientId },
      triggerSource: 'DefineAuthChallenge_Authentication',
      request: {
        userAttributes: { sub: expect.any(String), email: user.email, email_verified: 'true', 'cognito:user_status': 'CONFIRMED' },
        session: [],
        userNotFound: false,
      },
      response: { challengeName: null, issueTokens: null, failAuthentication: null },
    });
    expect(create1).toMatchObject({
      triggerSource: 'CreateAuthChallenge_Authentication',
      request: { challengeName: 'CUSTOM_CHALLENGE', session: [], userNotFound: false },
      response: { publicChallengeParameters: null, privateChallengeParameters: null, challengeMetadata: null },
    });
    expect(create1!.request).not.toHaveProperty('clientMetadata');
    expect(define1!.request).not.toHaveProperty('clientMetadata');
    expect(verify1).toMatchObject({
      triggerSource: 'VerifyAuthChallengeResponse_Authentication',
      request: { privateChallengeParameters: { answer: '42' }, challengeAnswer: '41', clientMetadata: { from: 'respond' }, userNotFound: false },
      response: { answerCorrect: null },
    });
    const round1 = { challengeName: 'CUSTOM_CHALLENGE', challengeResult: false, challengeMetadata: 'round-1' };
    expect(define2!.request).toMatchObject({ session: [round1], clientMetadata: { from: 'respond' } });
    expect(create2!.request).toMatchObject({ session: [round1], clientMetadata: { from: 'respond' } });
    expect(verify2!.request).not.toHaveProperty('clientMetadata');
    expect(define3!.request['session']).toEqual([round1, { challengeName: 'CUSTOM_CHALLENGE', challengeResult: true, challengeMetadata: 'round-2' }]);
  });

  it('runs every trigger for an unknown user with userNotFound and no attributes', async () => {
    const nobody = uniqueUser('nobody');

    const first = await initiate(nobody.username);
    await respond(nobody.username, first.Session, '41');

    const seen = events(nobody.username).map((entry) => entry.event.request);
    expect(seen).toHaveLength(5);
    for (const request of seen) expect(request).toMatchObject({ userAttributes: {}, userNotFound: true });
  });

  it.each([
    ['throw-define', 'DefineAuthChallenge failed with error define broke.'],
    ['throw-create', 'CreateAuthChallenge failed with error create broke.'],
  ])('answers a trigger that throws (%s) with UserLambdaValidationException', async (prefix, message) => {
    const error = await failure(initiate(uniqueUser(prefix).username));

    expect(error).toMatchObject({ name: 'UserLambdaValidationException', message, $metadata: { httpStatusCode: 400 } });
  });

  it('answers a Verify that throws with UserLambdaValidationException', async () => {
    const { username } = uniqueUser('throw-verify');
    const first = await initiate(username);

    const error = await failure(respond(username, first.Session, '42'));

    expect(error).toMatchObject({ name: 'UserLambdaValidationException', message: 'VerifyAuthChallengeResponse failed with error verify broke.' });
  });

  it('answers a trigger that outlives the timeout with UnexpectedLambdaException, and the function recovers', async () => {
    const { username } = uniqueUser('hang-verify');
    const first = await initiate(username);

    const error = await failure(respond(username, first.Session, '42'));
    const next = await initiate(uniqueUser().username);

    expect(error).toMatchObject({
      name: 'UnexpectedLambdaException',
      message: 'VerifyAuthChallengeResponse invocation failed due to error Socket timeout while invoking Lambda function.',
    });
    expect(next.ChallengeName).toBe('CUSTOM_CHALLENGE');
  });

  it.each(['garbage-define', 'null-define', 'garbage-create'])(
    'answers output Cognito cannot read (%s) with InvalidLambdaResponseException',
    async (prefix) => {
      const error = await failure(initiate(uniqueUser(prefix).username));

      expect(error).toMatchObject({ name: 'InvalidLambdaResponseException', message: 'Unrecognizable lambda output' });
    },
  );

  it('never issues tokens for an unknown user, whatever Define says', async () => {
    const error = await failure(initiate(uniqueUser('tokens-nobody').username));

    expect(error).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('cannot run PASSWORD_VERIFIER for a client that started without SRP_A', async () => {
    const error = await failure(initiate(uniqueUser('pv').username));

    expect(error).toMatchObject({ name: 'InvalidLambdaResponseException' });
  });
});
