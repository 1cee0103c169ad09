import {
  ConfirmSignUpCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  SignUpCommand,
  type AuthenticationResultType,
} from '@aws-sdk/client-cognito-identity-provider';
import { AuthenticationDetails, CognitoUser, CognitoUserPool, type CognitoUserSession } from 'amazon-cognito-identity-js';
import AuthenticationHelper from 'amazon-cognito-identity-js/lib/AuthenticationHelper';
import { confirmSignIn, confirmSignUp, fetchAuthSession, signIn, signOut, signUp } from 'aws-amplify/auth';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codesIn, readMailStore } from '@cognito-passwordless/ses-sink';
import { configureAmplify } from '../support/amplify';
import { failure, leakedSecrets, PASSWORD, startTestStack, uniqueUser, wrongCode, type TestStack } from '../support/test-stack';

describe('passwordless sign-in against the local stack (real trigger bundles, real SES sink)', () => {
  let t: TestStack;
  let outputDir: string;

  beforeAll(async () => {
    outputDir = mkdtempSync(join(tmpdir(), 'local-stack-outputs-'));
    t = await startTestStack({ outputDir });
    // Amplify warns once about the custom endpoint, which is the point here.
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    configureAmplify(outputDir, t.outputs.cognitoEndpoint);
  });

  afterAll(async () => {
    await t?.stop();
    rmSync(outputDir, { recursive: true, force: true });
  });

  /** Signs a user up and confirms them with the emailed code, through the raw API. */
  async function confirmedUser(prefix = 'user') {
    const user = uniqueUser(prefix);
    await t.client.send(
      new SignUpCommand({
        ClientId: t.outputs.userPoolClientId,
        Username: user.username,
        Password: PASSWORD,
        UserAttributes: [{ Name: 'email', Value: user.email }],
      }),
    );
    const code = await t.mail.verificationCode(user.email);
    await t.client.send(new ConfirmSignUpCommand({ ClientId: t.outputs.userPoolClientId, Username: user.username, ConfirmationCode: code }));
    return user;
  }

  const initiate = (username: string, parameters: Record<string, string> = {}) =>
    t.client.send(
      new InitiateAuthCommand({ ClientId: t.outputs.userPoolClientId, AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME: username, ...parameters } }),
    );
  const answer = (username: string, session: string | undefined, code: string) =>
    t.client.send(
      new RespondToAuthChallengeCommand({
        ClientId: t.outputs.userPoolClientId,
        ChallengeName: 'CUSTOM_CHALLENGE',
        Session: session,
        ChallengeResponses: { USERNAME: username, ANSWER: code },
      }),
    );
  const signInEmails = async (email: string) => (await t.mail.to(email)).filter((mail) => mail.subject !== 'Your verification code');
  const remember = (result: AuthenticationResultType | undefined) => {
    for (const token of [result?.AccessToken, result?.IdToken, result?.RefreshToken]) if (token) t.secrets.add(token);
    return result;
  };
  const jwks = () => createRemoteJWKSet(new URL(t.outputs.jwksUri));

  it('signs up, confirms and signs in with Amplify JS (CUSTOM_WITHOUT_SRP), with tokens valid against the JWKS', async () => {
    const user = uniqueUser('amplify');

    const signedUp = await signUp({ username: user.username, password: PASSWORD, options: { userAttributes: { email: user.email } } });
    const confirmed = await confirmSignUp({ username: user.username, confirmationCode: await t.mail.verificationCode(user.email) });
    const started = await signIn({ username: user.username, options: { authFlowType: 'CUSTOM_WITHOUT_SRP' } });
    const done = await confirmSignIn({ challengeResponse: await t.mail.latestCode(user.email) });
    const { tokens } = await fetchAuthSession();

    expect(signedUp.nextStep.signUpStep).toBe('CONFIRM_SIGN_UP');
    expect(confirmed.isSignUpComplete).toBe(true);
    expect(started.nextStep).toEqual({
      signInStep: 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE',
      additionalInfo: expect.objectContaining({ attemptsLeft: '3', hint: expect.any(String) }),
    });
    expect(done).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    t.secrets.add(tokens!.accessToken.toString()).add(tokens!.idToken!.toString());
    const { payload: idClaims } = await jwtVerify(tokens!.idToken!.toString(), jwks(), {
      issuer: t.outputs.issuer,
      audience: t.outputs.userPoolClientId,
    });
    const { payload: accessClaims } = await jwtVerify(tokens!.accessToken.toString(), jwks(), { issuer: t.outputs.issuer });
    expect(idClaims).toMatchObject({ 'cognito:username': user.username, email: user.email, email_verified: true, token_use: 'id' });
    expect(accessClaims).toMatchObject({ username: user.username, client_id: t.outputs.userPoolClientId, token_use: 'access', sub: idClaims.sub });
    expect(await signInEmails(user.email)).toHaveLength(1);
    await signOut();
  });

  it('signs in passwordless with amazon-cognito-identity-js initiateAuth and sendCustomChallengeAnswer', async () => {
    const user = await confirmedUser('identity-js');
    const pool = new CognitoUserPool({ UserPoolId: t.outputs.userPoolId, ClientId: t.outputs.userPoolClientId, endpoint: t.outputs.cognitoEndpoint });
    const cognitoUser = new CognitoUser({ Username: user.username, Pool: pool });
    cognitoUser.setAuthenticationFlowType('CUSTOM_AUTH');

    const challenge = await new Promise<Record<string, string>>((resolve, reject) =>
      cognitoUser.initiateAuth(new AuthenticationDetails({ Username: user.username }), {
        onSuccess: () => reject(new Error('signed in without a code')),
        onFailure: reject,
        customChallenge: resolve,
      }),
    );
    const code = await t.mail.latestCode(user.email);
    const session = await new Promise<CognitoUserSession>((resolve, reject) =>
      cognitoUser.sendCustomChallengeAnswer(code, { onSuccess: resolve, onFailure: reject }),
    );

    expect(challenge).toMatchObject({ attemptsLeft: '3', USERNAME: user.username });
    t.secrets.add(session.getIdToken().getJwtToken()).add(session.getRefreshToken().getToken());
    expect(session.getIdToken().payload).toMatchObject({ 'cognito:username': user.username });
  });

  it('prompts again after a wrong code, with one attempt fewer, and the same code then signs in', async () => {
    const user = await confirmedUser();

    const first = await initiate(user.username);
    const code = await t.mail.latestCode(user.email);
    const retry = await answer(user.username, first.Session, wrongCode(code));
    const done = await answer(user.username, retry.Session, code);

    expect(retry).toMatchObject({ ChallengeName: 'CUSTOM_CHALLENGE', ChallengeParameters: { attemptsLeft: '2', USERNAME: user.username } });
    expect(remember(done.AuthenticationResult)).toMatchObject({ TokenType: 'Bearer', ExpiresIn: 3600 });
    expect(done.AuthenticationResult?.RefreshToken).toEqual(expect.any(String));
    expect(await signInEmails(user.email)).toHaveLength(1);
  });

  it('fails with NotAuthorizedException once the attempts are used up', async () => {
    const user = await confirmedUser();

    let step = await initiate(user.username);
    const wrong = wrongCode(await t.mail.latestCode(user.email));
    for (let attempt = 1; attempt < 3; attempt++) step = await answer(user.username, step.Session, wrong);
    const error = await answer(user.username, step.Session, wrong).catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    expect(await signInEmails(user.email)).toHaveLength(1);
  });

  it('refuses a session used twice with "Invalid session for the user."', async () => {
    const user = await confirmedUser();
    const first = await initiate(user.username);
    const code = await t.mail.latestCode(user.email);
    await answer(user.username, first.Session, wrongCode(code));

    const error = await answer(user.username, first.Session, code).catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'NotAuthorizedException', message: 'Invalid session for the user.' });
    expect(error).toMatchObject({ $metadata: { httpStatusCode: 400 } });
  });

  it('treats an unknown user exactly like a known one up to the final error, and sends no email', async () => {
    const known = await confirmedUser();
    const unknown = uniqueUser('nobody');
    const before = (await t.mail.to(unknown.email)).length;

    const run = async (username: string) => {
      const steps = [await initiate(username)];
      for (let attempt = 1; attempt < 3; attempt++) steps.push(await answer(username, steps.at(-1)!.Session, '000111'));
      const error = await failure(answer(username, steps.at(-1)!.Session, '000111'));
      const shape = (step: (typeof steps)[number]) => ({
        ChallengeName: step.ChallengeName,
        keys: Object.keys(step.ChallengeParameters ?? {}).sort(),
        hint: step.ChallengeParameters?.['hint'],
        attemptsLeft: step.ChallengeParameters?.['attemptsLeft'],
        sessionLength: step.Session?.length,
      });
      return { steps: steps.map(shape), error: { name: error.name, message: error.message } };
    };
    const knownRun = await run(known.username);
    const unknownRun = await run(unknown.username);

    expect(unknownRun).toEqual(knownRun);
    expect((await t.mail.to(unknown.email)).length).toBe(before);
  });

  it('answers CUSTOM_CHALLENGE straight away to a passwordless client that starts with SRP_A', async () => {
    const user = await confirmedUser('srp-a');
    const helper = new AuthenticationHelper(t.outputs.userPoolId.split('_')[1]!);
    const srpA = await new Promise<string>((resolve, reject) => helper.getLargeAValue((e, a) => (e ? reject(e) : resolve(a.toString(16)))));

    const first = await initiate(user.username, { SRP_A: srpA, CHALLENGE_NAME: 'SRP_A' });
    const done = await answer(user.username, first.Session, await t.mail.latestCode(user.email));

    expect(first.ChallengeName).toBe('CUSTOM_CHALLENGE');
    expect(remember(done.AuthenticationResult)?.AccessToken).toEqual(expect.any(String));
  });

  it('refreshes tokens, then GlobalSignOut revokes the access and refresh tokens', async () => {
    const user = await confirmedUser();
    const first = await initiate(user.username);
    const tokens = remember((await answer(user.username, first.Session, await t.mail.latestCode(user.email))).AuthenticationResult)!;
    const refresh = () =>
      t.client.send(
        new InitiateAuthCommand({ ClientId: t.outputs.userPoolClientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken! } }),
      );

    const refreshed = remember((await refresh()).AuthenticationResult);
    const me = await t.client.send(new GetUserCommand({ AccessToken: refreshed!.AccessToken }));
    await t.client.send(new GlobalSignOutCommand({ AccessToken: tokens.AccessToken }));
    const getUserAfter = await t.client.send(new GetUserCommand({ AccessToken: refreshed!.AccessToken })).catch((e: unknown) => e);
    const refreshAfter = await refresh().catch((e: unknown) => e);

    expect(refreshed).toMatchObject({ AccessToken: expect.any(String), IdToken: expect.any(String) });
    expect(refreshed?.RefreshToken).toBeUndefined();
    expect(me.Username).toBe(user.username);
    expect(getUserAfter).toMatchObject({ name: 'NotAuthorizedException', message: 'Access Token has been revoked' });
    expect(refreshAfter).toMatchObject({ name: 'NotAuthorizedException' });
  });

  it('signs in again right after GlobalSignOut, and RevokeToken ends that refresh token', async () => {
    const user = await confirmedUser();
    const signInOnce = async () => {
      const first = await initiate(user.username);
      return remember((await answer(user.username, first.Session, await t.mail.latestCode(user.email))).AuthenticationResult)!;
    };
    await t.client.send(new GlobalSignOutCommand({ AccessToken: (await signInOnce()).AccessToken }));

    const again = await signInOnce();
    const me = await t.client.send(new GetUserCommand({ AccessToken: again.AccessToken }));
    await t.client.send(new RevokeTokenCommand({ ClientId: t.outputs.userPoolClientId, Token: again.RefreshToken }));
    const refreshAfter = await t.client
      .send(new InitiateAuthCommand({ ClientId: t.outputs.userPoolClientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: again.RefreshToken! } }))
      .catch((e: unknown) => e);
    const getUserAfter = await t.client.send(new GetUserCommand({ AccessToken: again.AccessToken })).catch((e: unknown) => e);

    expect(me.Username).toBe(user.username);
    expect(refreshAfter).toMatchObject({ name: 'NotAuthorizedException', message: 'Refresh Token has been revoked' });
    expect(getUserAfter).toMatchObject({ name: 'NotAuthorizedException', message: 'Access Token has been revoked' });
  });

  it('refuses an unconfirmed user with UserNotConfirmedException before any trigger runs', async () => {
    const user = uniqueUser('unconfirmed');
    await t.client.send(
      new SignUpCommand({ ClientId: t.outputs.userPoolClientId, Username: user.username, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: user.email }] }),
    );
    const triggerLines = () => t.logs.filter((line) => /^\[(define|create|verify)-auth-challenge\]/.test(line)).length;
    const before = triggerLines();

    const error = await initiate(user.username).catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'UserNotConfirmedException', message: 'User is not confirmed.' });
    expect(triggerLines()).toBe(before);
  });

  it('sends sign-in emails that each hold exactly one code', async () => {
    const emails = await readMailStore(t.outputs.sesEndpoint);
    const signIn = emails.filter((mail) => mail.subject !== 'Your verification code');

    expect(signIn.length).toBeGreaterThan(5);
    for (const mail of signIn) expect(codesIn(mail)).toHaveLength(1);
    for (const mail of emails.filter((m) => m.subject === 'Your verification code')) {
      expect(mail.body.text).toMatch(/^Your verification code is \d{6}$/);
    }
  });

  it('logs no code, password, token or email address', () => {
    expect(t.logs.length).toBeGreaterThan(20);
    expect(leakedSecrets(t)).toEqual([]);
  });
});
