import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { AuthenticationDetails, CognitoUser, CognitoUserPool, type CognitoUserSession } from 'amazon-cognito-identity-js';
import { signIn } from 'aws-amplify/auth';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configureAmplify } from '../support/amplify';
import { confirmedUser as signedUpAndConfirmed, failure, leakedSecrets, PASSWORD, startTestStack, type TestStack } from '../support/test-stack';

/**
 * Every AuthFlow the InitiateAuth API knows, with what the stack answers when
 * a confirmed user's right password (and an SRP_A) is sent: a challenge on the
 * way to the emailed code, or a refusal. Never tokens.
 */
const FLOWS = [
  ['CUSTOM_AUTH', { challenge: true }],
  ['USER_SRP_AUTH', { refused: 'USER_SRP_AUTH is not enabled for the client.' }],
  ['USER_PASSWORD_AUTH', { refused: 'USER_PASSWORD_AUTH flow not enabled for this client' }],
  ['ADMIN_NO_SRP_AUTH', { refused: 'Initiate Auth method not supported.' }],
  ['ADMIN_USER_PASSWORD_AUTH', { refused: 'Initiate Auth method not supported.' }],
  ['USER_AUTH', { refused: 'USER_AUTH is not enabled for the client.' }],
  ['REFRESH_TOKEN_AUTH', { notAuthorized: 'Invalid Refresh Token' }],
  ['REFRESH_TOKEN', { notAuthorized: 'Invalid Refresh Token' }],
] as const;

/** Any A with A mod N ≠ 0: enough for the stack to start an SRP step. */
const SRP_A = 'ab'.repeat(384);

describe.each(['passwordless', 'password-then-code'] as const)('the app client allows custom auth and refresh only (SIGN_IN_FLOW=%s)', (signInFlow) => {
  let t: TestStack;
  let outputDir: string;

  beforeAll(async () => {
    outputDir = mkdtempSync(join(tmpdir(), 'local-stack-outputs-'));
    t = await startTestStack({ outputDir, triggerSettings: { SIGN_IN_FLOW: signInFlow } });
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    configureAmplify(outputDir, t.outputs.cognitoEndpoint);
  });

  afterAll(async () => {
    await t?.stop();
    rmSync(outputDir, { recursive: true, force: true });
  });

  const confirmedUser = () => signedUpAndConfirmed(t, 'flows');
  const signInEmails = async (email: string) => (await t.mail.to(email)).filter((mail) => mail.subject !== 'Your verification code');

  it.each(FLOWS)('yields no tokens from %s with the right password and no code', async (flow, expected) => {
    const user = await confirmedUser();

    const outcome = await t.client
      .send(
        new InitiateAuthCommand({
          ClientId: t.outputs.userPoolClientId,
          AuthFlow: flow,
          AuthParameters: { USERNAME: user.username, PASSWORD, SRP_A, REFRESH_TOKEN: 'not.a.token' },
        }),
      )
      .then(
        (response) => ({ response }),
        (error: Error) => ({ error }),
      );

    expect('response' in outcome ? outcome.response.AuthenticationResult : undefined).toBeUndefined();
    if ('challenge' in expected) {
      // The SRP_A start: password-then-code asks for the password first, passwordless goes straight to the code.
      expect('response' in outcome && outcome.response.ChallengeName).toBe(signInFlow === 'passwordless' ? 'CUSTOM_CHALLENGE' : 'PASSWORD_VERIFIER');
    } else if ('refused' in expected) {
      expect('error' in outcome && outcome.error).toMatchObject({ name: 'InvalidParameterException', message: expected.refused });
      expect(await signInEmails(user.email)).toHaveLength(0);
    } else {
      expect('error' in outcome && outcome.error).toMatchObject({ name: 'NotAuthorizedException', message: expected.notAuthorized });
    }
  });

  it("refuses Amplify JS's default signIn (USER_SRP_AUTH) with the right password", async () => {
    const user = await confirmedUser();

    const error = await failure(signIn({ username: user.username, password: PASSWORD }));

    expect(error).toMatchObject({ name: 'InvalidParameterException', message: 'USER_SRP_AUTH is not enabled for the client.' });
    expect(await signInEmails(user.email)).toHaveLength(0);
  });

  it("refuses Amplify JS's USER_PASSWORD_AUTH with the right password", async () => {
    const user = await confirmedUser();

    const error = await failure(signIn({ username: user.username, password: PASSWORD, options: { authFlowType: 'USER_PASSWORD_AUTH' } }));

    expect(error).toMatchObject({ name: 'InvalidParameterException', message: 'USER_PASSWORD_AUTH flow not enabled for this client' });
  });

  it('refuses amazon-cognito-identity-js authenticateUser in its default USER_SRP_AUTH mode', async () => {
    const user = await confirmedUser();
    const pool = new CognitoUserPool({ UserPoolId: t.outputs.userPoolId, ClientId: t.outputs.userPoolClientId, endpoint: t.outputs.cognitoEndpoint });
    const cognitoUser = new CognitoUser({ Username: user.username, Pool: pool });

    const error = await failure(
      new Promise<CognitoUserSession>((resolve, reject) =>
        cognitoUser.authenticateUser(new AuthenticationDetails({ Username: user.username, Password: PASSWORD }), { onSuccess: resolve, onFailure: reject }),
      ),
    );

    expect(error).toMatchObject({ name: 'InvalidParameterException', message: 'USER_SRP_AUTH is not enabled for the client.' });
  });

  it('logs no code, password, token or email address', () => {
    expect(leakedSecrets(t)).toEqual([]);
  });
});
