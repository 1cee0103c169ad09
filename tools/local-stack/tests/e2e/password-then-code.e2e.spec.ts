import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { AuthenticationDetails, CognitoUser, CognitoUserPool, type CognitoUserSession } from 'amazon-cognito-identity-js';
import { confirmSignIn, fetchAuthSession, signIn, signOut } from 'aws-amplify/auth';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configureAmplify } from '../support/amplify';
import { confirmedUser as signedUpAndConfirmed, failure, leakedSecrets, PASSWORD, startTestStack, uniqueUser, WRONG_PASSWORD, type TestStack } from '../support/test-stack';

describe('password-then-code sign-in (SIGN_IN_FLOW=password-then-code)', () => {
  let t: TestStack;
  let outputDir: string;

  beforeAll(async () => {
    outputDir = mkdtempSync(join(tmpdir(), 'local-stack-outputs-'));
    t = await startTestStack({ outputDir, triggerSettings: { SIGN_IN_FLOW: 'password-then-code' } });
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    configureAmplify(outputDir, t.outputs.cognitoEndpoint);
  });

  afterAll(async () => {
    await t?.stop();
    rmSync(outputDir, { recursive: true, force: true });
  });

  const confirmedUser = (prefix = 'user') => signedUpAndConfirmed(t, prefix);
  const signInEmails = async (email: string) => (await t.mail.to(email)).filter((mail) => mail.subject !== 'Your verification code');

  /** amazon-cognito-identity-js `authenticateUser` in custom mode: SRP_A, then the password step, then the custom challenge. */
  function authenticateWithPassword(username: string, password: string) {
    const pool = new CognitoUserPool({ UserPoolId: t.outputs.userPoolId, ClientId: t.outputs.userPoolClientId, endpoint: t.outputs.cognitoEndpoint });
    const user = new CognitoUser({ Username: username, Pool: pool });
    user.setAuthenticationFlowType('CUSTOM_AUTH');
    const challenge = new Promise<Record<string, string>>((resolve, reject) =>
      user.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), {
        onSuccess: () => reject(new Error('signed in without a code')),
        onFailure: reject,
        customChallenge: resolve,
      }),
    );
    const answer = (code: string) =>
      new Promise<CognitoUserSession>((resolve, reject) => user.sendCustomChallengeAnswer(code, { onSuccess: resolve, onFailure: reject }));
    return { challenge, answer };
  }

  it('signs in with Amplify JS CUSTOM_WITH_SRP: the right password, then the emailed code', async () => {
    const user = await confirmedUser('amplify');

    const started = await signIn({ username: user.username, password: PASSWORD, options: { authFlowType: 'CUSTOM_WITH_SRP' } });
    const done = await confirmSignIn({ challengeResponse: await t.mail.latestCode(user.email) });
    const { tokens } = await fetchAuthSession();

    expect(started.nextStep).toMatchObject({ signInStep: 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE', additionalInfo: { attemptsLeft: '3' } });
    expect(done.isSignedIn).toBe(true);
    t.secrets.add(tokens!.accessToken.toString());
    expect(tokens?.accessToken.payload).toMatchObject({ username: user.username, token_use: 'access' });
    expect(await signInEmails(user.email)).toHaveLength(1);
    await signOut();
  });

  it('refuses a wrong password to Amplify JS with NotAuthorizedException and sends no email', async () => {
    const user = await confirmedUser('amplify-wrong');

    const error = await failure(signIn({ username: user.username, password: WRONG_PASSWORD, options: { authFlowType: 'CUSTOM_WITH_SRP' } }));

    expect(error).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    expect(await signInEmails(user.email)).toHaveLength(0);
  });

  it('signs in with amazon-cognito-identity-js authenticateUser, then sendCustomChallengeAnswer', async () => {
    const user = await confirmedUser('identity-js');

    const flow = authenticateWithPassword(user.username, PASSWORD);
    const challenge = await flow.challenge;
    const session = await flow.answer(await t.mail.latestCode(user.email));

    expect(challenge).toMatchObject({ attemptsLeft: '3', USERNAME: user.username });
    t.secrets.add(session.getAccessToken().getJwtToken());
    expect(session.getAccessToken().payload).toMatchObject({ username: user.username });
  });

  it('answers an unknown user exactly as a wrong password, with no email', async () => {
    const known = await confirmedUser();
    const unknown = uniqueUser('nobody');

    const wrongPassword = await failure(authenticateWithPassword(known.username, WRONG_PASSWORD).challenge);
    const unknownUser = await failure(authenticateWithPassword(unknown.username, PASSWORD).challenge);

    expect({ name: unknownUser.name, message: unknownUser.message }).toEqual({ name: wrongPassword.name, message: wrongPassword.message });
    expect(await t.mail.to(unknown.email)).toHaveLength(0);
    expect(await signInEmails(known.email)).toHaveLength(0);
  });

  it('fails a client that skips the password (no SRP_A) with NotAuthorizedException and no email', async () => {
    const user = await confirmedUser();

    const error = await failure(
      t.client.send(new InitiateAuthCommand({ ClientId: t.outputs.userPoolClientId, AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME: user.username } })),
    );

    expect(error).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    expect(await signInEmails(user.email)).toHaveLength(0);
  });

  it('logs no code, password, token or email address', () => {
    expect(leakedSecrets(t)).toEqual([]);
  });
});
