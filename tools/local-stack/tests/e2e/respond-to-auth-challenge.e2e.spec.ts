import { ConfirmSignUpCommand, InitiateAuthCommand, RespondToAuthChallengeCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { CHALLENGE_ANSWER, startTestPool, type TestPool } from '../support/test-pool';
import { failure, PASSWORD } from '../support/test-stack';

describe('RespondToAuthChallenge: parameter errors before the session is spent (pool layers, in-process triggers)', () => {
  let t: TestPool;
  beforeAll(async () => {
    t = await startTestPool();
    await t.client.send(
      new SignUpCommand({ ClientId: t.clientId, Username: 'alice', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'alice@example.test' }] }),
    );
    await t.client.send(new ConfirmSignUpCommand({ ClientId: t.clientId, Username: 'alice', ConfirmationCode: t.lastCode('alice@example.test') }));
  });
  afterAll(() => t?.stop());

  const respond = (session: string | undefined, challengeName: 'CUSTOM_CHALLENGE' | 'PASSWORD_VERIFIER', responses: Record<string, string>) =>
    t.client.send(new RespondToAuthChallengeCommand({ ClientId: t.clientId, ChallengeName: challengeName, Session: session, ChallengeResponses: responses }));

  it('refuses a missing ANSWER and a challenge the session does not expect, and the session still signs in', async () => {
    const started = await t.client.send(new InitiateAuthCommand({ ClientId: t.clientId, AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME: 'alice' } }));

    const noAnswer = await failure(respond(started.Session, 'CUSTOM_CHALLENGE', { USERNAME: 'alice' }));
    const otherChallenge = await failure(respond(started.Session, 'PASSWORD_VERIFIER', { USERNAME: 'alice' }));
    const done = await respond(started.Session, 'CUSTOM_CHALLENGE', { USERNAME: 'alice', ANSWER: CHALLENGE_ANSWER });

    expect(noAnswer).toMatchObject({ name: 'InvalidParameterException', message: 'Missing required parameter ANSWER' });
    expect(otherChallenge).toMatchObject({
      name: 'InvalidParameterException',
      message: 'Invalid challenge name PASSWORD_VERIFIER: the session expects CUSTOM_CHALLENGE',
    });
    expect(done.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
  });

  it('spends the session on an answer for another user', async () => {
    const started = await t.client.send(new InitiateAuthCommand({ ClientId: t.clientId, AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME: 'alice' } }));

    const otherUser = await failure(respond(started.Session, 'CUSTOM_CHALLENGE', { USERNAME: 'bob', ANSWER: CHALLENGE_ANSWER }));
    const again = await failure(respond(started.Session, 'CUSTOM_CHALLENGE', { USERNAME: 'alice', ANSWER: CHALLENGE_ANSWER }));

    expect(otherUser).toMatchObject({ name: 'NotAuthorizedException', message: 'Invalid session for the user.' });
    expect(again).toMatchObject({ name: 'NotAuthorizedException', message: 'Invalid session for the user.' });
  });
});
