import { GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { randomBytes } from 'node:crypto';
import { CognitoWireError, FlutterReplayClient, type FlutterTokens } from '../support/flutter-client';
import { failure, leakedSecrets, startTestStack, uniqueUser, wrongCode, type TestStack } from '../support/test-stack';

/*
 * Amplify Flutter is where our users come from, and no Dart toolchain runs
 * here: these tests replay its requests byte-shape for byte-shape (see
 * tests/support/flutter-client.ts, which cites the amplify-flutter file each
 * request comes from) against the real stack.
 */

/** What the README tells passwordless apps to send at sign-up: a random password nobody types, meeting the pool policy. */
function generatedPassword(): string {
  return `${randomBytes(24).toString('base64url')}aA1!`;
}

function remember(t: TestStack, tokens: FlutterTokens): FlutterTokens {
  for (const token of Object.values(tokens)) t.secrets.add(token);
  return tokens;
}

/** A fresh app whose user signed up (`Amplify.Auth.signUp`) and confirmed with the emailed code (`confirmSignUp`). */
async function flutterSignUp(t: TestStack, password = generatedPassword()) {
  const client = new FlutterReplayClient({ endpoint: t.outputs.cognitoEndpoint, userPoolId: t.outputs.userPoolId, clientId: t.outputs.userPoolClientId });
  const user = uniqueUser('flutter');
  t.secrets.add(password);
  const signedUp = await client.signUp(user.username, password, user.email);
  await client.confirmSignUp(user.username, await t.mail.verificationCode(user.email));
  return { client, password, user: { ...user, signedUp } };
}

/** A raw AWS JSON 1.1 call, for requests Flutter would never build. */
async function raw(t: TestStack, operation: string, body: object) {
  const response = await fetch(`${t.outputs.cognitoEndpoint}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('Amplify Flutter replay, passwordless pool (customAuthWithoutSrp)', () => {
  let t: TestStack;

  beforeAll(async () => {
    // No resend cooldown, so a resend sends at once.
    t = await startTestStack({ triggerSettings: { SIGN_IN_FLOW: 'passwordless', RESEND_COOLDOWN_SECONDS: '0' } });
  });
  afterAll(() => t?.stop());

  async function signedIn(prefix?: string) {
    const { client, user } = await flutterSignUp(t);
    await client.signIn(user.username, 'customAuthWithoutSrp');
    const done = await client.confirmSignIn(await t.mail.latestCode(user.email));
    if (!done.signedIn) throw new Error(`${prefix ?? 'user'} did not sign in`);
    return { client, user, tokens: remember(t, done.tokens) };
  }

  it('signs up with a generated password, confirms, and signs in with the emailed code alone', async () => {
    const { client, user } = await flutterSignUp(t);

    const challenge = await client.signIn(user.username, 'customAuthWithoutSrp');
    const done = await client.confirmSignIn(await t.mail.latestCode(user.email));

    expect(user.signedUp).toMatchObject({ UserConfirmed: false, UserSub: expect.any(String) });
    expect(client.sent.map((request) => request.operation)).toEqual(['SignUp', 'ConfirmSignUp', 'InitiateAuth', 'RespondToAuthChallenge']);
    expect(client.sent[2]?.body['AuthParameters']).toEqual({ USERNAME: user.username });
    expect(challenge).toEqual({
      signedIn: false,
      challengeName: 'CUSTOM_CHALLENGE',
      challengeParameters: expect.objectContaining({ USERNAME: user.username, attemptsLeft: '3' }),
    });
    expect(done.signedIn).toBe(true);
    if (!done.signedIn) return;
    remember(t, done.tokens);
    // What Flutter reads from the tokens: the user id from the access token, the username from the id token.
    expect(decodeJwt(done.tokens.accessToken)).toMatchObject({ sub: user.signedUp['UserSub'], token_use: 'access' });
    expect(decodeJwt(done.tokens.idToken)).toMatchObject({ 'cognito:username': user.username, token_use: 'id' });
  });

  it('answers a wrong code with another CUSTOM_CHALLENGE, one attempt less, and the right code still signs in', async () => {
    const { client, user } = await flutterSignUp(t);
    await client.signIn(user.username, 'customAuthWithoutSrp');
    const code = await t.mail.latestCode(user.email);

    const retry = await client.confirmSignIn(wrongCode(code));
    const done = await client.confirmSignIn(code);

    expect(retry).toMatchObject({ signedIn: false, challengeName: 'CUSTOM_CHALLENGE', challengeParameters: { attemptsLeft: '2' } });
    expect(done.signedIn).toBe(true);
    if (done.signedIn) remember(t, done.tokens);
  });

  it('resends the code on confirmSignIn with clientMetadata {action: resend}: the new code signs in, the old one no longer does', async () => {
    const { client, user } = await flutterSignUp(t);
    await client.signIn(user.username, 'customAuthWithoutSrp');
    const oldCode = await t.mail.latestCode(user.email);

    const resent = await client.resendCode();
    const newCode = await t.mail.latestCode(user.email);
    const oldTried = await client.confirmSignIn(oldCode);
    const done = await client.confirmSignIn(newCode);

    expect(client.sent.at(-3)).toMatchObject({
      operation: 'RespondToAuthChallenge',
      body: { ChallengeResponses: { USERNAME: user.username, ANSWER: 'resend' }, ClientMetadata: { action: 'resend' } },
    });
    expect(resent).toMatchObject({ signedIn: false, challengeName: 'CUSTOM_CHALLENGE', challengeParameters: { attemptsLeft: '3', resendAfterSeconds: '0' } });
    expect(newCode).not.toBe(oldCode);
    expect(oldTried).toMatchObject({ signedIn: false, challengeParameters: { attemptsLeft: '2' } });
    expect(done.signedIn).toBe(true);
    if (done.signedIn) remember(t, done.tokens);
  });

  it('ends the sign-in with NotAuthorizedException after the last wrong code', async () => {
    const { client, user } = await flutterSignUp(t);
    await client.signIn(user.username, 'customAuthWithoutSrp');
    const wrong = wrongCode(await t.mail.latestCode(user.email));

    await client.confirmSignIn(wrong);
    await client.confirmSignIn(wrong);
    const error = await failure(client.confirmSignIn(wrong));

    expect(error).toMatchObject({ type: 'NotAuthorizedException', status: 400 });
  });

  it('gives an app that starts with SRP_A (Flutter with a password: v1 by default, v2 with customAuthWithSrp) the code right after it', async () => {
    // v1 with `authenticationFlowType: CUSTOM_AUTH_*` and no per-call option starts with SRP_A exactly when given a password.
    const { client, user, password } = await flutterSignUp(t);

    const challenge = await client.signIn(user.username, 'customAuthWithSrp', password);
    const done = await client.confirmSignIn(await t.mail.latestCode(user.email));

    expect(client.sent[2]?.body['AuthParameters']).toMatchObject({ CHALLENGE_NAME: 'SRP_A', SRP_A: expect.stringMatching(/^[0-9a-f]+$/) });
    expect(challenge).toMatchObject({ signedIn: false, challengeName: 'CUSTOM_CHALLENGE' });
    expect(done.signedIn).toBe(true);
    if (done.signedIn) remember(t, done.tokens);
  });

  it('refreshes with GetTokensFromRefreshToken: new id and access tokens of the same sign-in, no new refresh token', async () => {
    const { client, tokens } = await signedIn('refresh');

    const response = await raw(t, 'GetTokensFromRefreshToken', { RefreshToken: tokens.refreshToken, ClientId: t.outputs.userPoolClientId });
    const refreshed = remember(t, await client.fetchAuthSession());
    const me = await t.client.send(new GetUserCommand({ AccessToken: refreshed.accessToken }));

    expect(response.status).toBe(200);
    expect(Object.keys(response.body)).toEqual(['AuthenticationResult']);
    expect(response.body['AuthenticationResult']).toEqual({
      AccessToken: expect.any(String),
      IdToken: expect.any(String),
      ExpiresIn: 3600,
      TokenType: 'Bearer',
    });
    expect(client.sent.at(-1)).toMatchObject({ operation: 'GetTokensFromRefreshToken', headers: { 'user-agent': expect.stringMatching(/ auth\/6$/) } });
    expect(refreshed.refreshToken).toBe(tokens.refreshToken);
    expect(decodeJwt(refreshed.accessToken)['origin_jti']).toBe(decodeJwt(tokens.accessToken)['origin_jti']);
    expect(me.Username).toBe(decodeJwt(tokens.idToken)['cognito:username']);
  });

  it('still refreshes the Flutter v1 way, InitiateAuth REFRESH_TOKEN_AUTH', async () => {
    const { client } = await signedIn('refresh-v1');

    const response = await client.fetchAuthSessionV1();

    expect(response).toEqual({
      AuthenticationResult: { AccessToken: expect.any(String), IdToken: expect.any(String), ExpiresIn: 3600, TokenType: 'Bearer' },
      ChallengeParameters: {},
    });
    remember(t, { ...client.tokens!, accessToken: (response['AuthenticationResult'] as { AccessToken: string }).AccessToken });
  });

  it('after signOut (RevokeToken) answers both refresh paths "Refresh Token has been revoked"', async () => {
    const { client, tokens } = await signedIn('sign-out');

    await client.signOut();
    client.tokens = tokens;
    const refreshed = await failure(client.fetchAuthSession());
    const refreshedV1 = await failure(client.fetchAuthSessionV1());

    expect(client.sent.map((request) => request.operation).slice(-3)).toEqual(['RevokeToken', 'GetTokensFromRefreshToken', 'InitiateAuth']);
    expect(refreshed).toMatchObject({ type: 'NotAuthorizedException', message: 'NotAuthorizedException: Refresh Token has been revoked' });
    expect(refreshedV1).toMatchObject({ type: 'NotAuthorizedException', message: 'NotAuthorizedException: Refresh Token has been revoked' });
  });

  it('after a global signOut (GlobalSignOut, then RevokeToken) answers "Refresh Token has been revoked"', async () => {
    const { client, tokens } = await signedIn('global-sign-out');

    await client.signOut(true);
    client.tokens = tokens;
    const refreshed = await failure(client.fetchAuthSession());

    expect(client.sent.map((request) => request.operation).slice(-3)).toEqual(['GlobalSignOut', 'RevokeToken', 'GetTokensFromRefreshToken']);
    expect(refreshed).toMatchObject({ type: 'NotAuthorizedException', message: 'NotAuthorizedException: Refresh Token has been revoked' });
  });

  describe('GetTokensFromRefreshToken input', () => {
    it('names a missing refresh token in AWS validation wording', async () => {
      const response = await raw(t, 'GetTokensFromRefreshToken', { ClientId: t.outputs.userPoolClientId });

      expect(response).toEqual({
        status: 400,
        body: {
          __type: 'InvalidParameterException',
          message: "1 validation error detected: Value null at 'refreshToken' failed to satisfy constraint: Member must not be null",
        },
      });
    });

    it('refuses a tampered refresh token, an unknown client and a secret the client does not have', async () => {
      const { tokens } = await signedIn('refresh-input');
      const { refreshToken } = tokens;
      const flipped = refreshToken.slice(0, -5) + (refreshToken.at(-5) === 'A' ? 'B' : 'A') + refreshToken.slice(-4);

      const tampered = await raw(t, 'GetTokensFromRefreshToken', { RefreshToken: flipped, ClientId: t.outputs.userPoolClientId });
      const otherClient = await raw(t, 'GetTokensFromRefreshToken', { RefreshToken: refreshToken, ClientId: 'someoneelse' });
      const withSecret = await raw(t, 'GetTokensFromRefreshToken', {
        RefreshToken: refreshToken,
        ClientId: t.outputs.userPoolClientId,
        ClientSecret: 'guessed',
      });

      expect(tampered.body).toEqual({ __type: 'NotAuthorizedException', message: 'Invalid Refresh Token' });
      expect(otherClient.body).toMatchObject({ __type: 'ResourceNotFoundException' });
      expect(withSecret.body).toEqual({
        __type: 'NotAuthorizedException',
        message: `Unable to verify secret hash for client ${t.outputs.userPoolClientId}`,
      });
    });
  });

  it('logs no code, password, token or email address', () => {
    expect(leakedSecrets(t)).toEqual([]);
  });
});

describe('Amplify Flutter replay, password-then-code pool (customAuthWithSrp), refresh tokens that expire at once', () => {
  let t: TestStack;

  beforeAll(async () => {
    t = await startTestStack({ triggerSettings: { SIGN_IN_FLOW: 'password-then-code' }, tokenValidity: { refreshTokenSeconds: 0 } });
  });
  afterAll(() => t?.stop());

  const signInEmails = async (email: string) => (await t.mail.to(email)).filter((mail) => mail.subject !== 'Your verification code');

  it('signs in with SRP_A, answers PASSWORD_VERIFIER at once, then takes the emailed code', async () => {
    const { client, user, password } = await flutterSignUp(t);

    const challenge = await client.signIn(user.username, 'customAuthWithSrp', password);
    const done = await client.confirmSignIn(await t.mail.latestCode(user.email));

    const [initiate, verifier, answer] = client.sent.slice(2);
    expect([initiate?.operation, verifier?.body['ChallengeName'], answer?.body['ChallengeName']]).toEqual([
      'InitiateAuth',
      'PASSWORD_VERIFIER',
      'CUSTOM_CHALLENGE',
    ]);
    expect(Object.keys(initiate?.body['AuthParameters'] as object)).toEqual(['USERNAME', 'SRP_A', 'CHALLENGE_NAME']);
    expect(verifier?.body['ChallengeResponses']).toMatchObject({ USERNAME: user.username, TIMESTAMP: expect.stringMatching(/ UTC \d{4}$/) });
    expect(challenge).toMatchObject({ signedIn: false, challengeName: 'CUSTOM_CHALLENGE', challengeParameters: { attemptsLeft: '3' } });
    expect(done.signedIn).toBe(true);
    if (done.signedIn) remember(t, done.tokens);
  });

  it('refuses a wrong password with NotAuthorizedException and sends no code', async () => {
    const { client, user } = await flutterSignUp(t);

    const error = await failure(client.signIn(user.username, 'customAuthWithSrp', generatedPassword()));

    expect(error).toMatchObject({ type: 'NotAuthorizedException', message: 'NotAuthorizedException: Incorrect username or password.' });
    expect(await signInEmails(user.email)).toHaveLength(0);
  });

  it('answers an expired refresh token "Refresh Token has expired" on both refresh paths', async () => {
    const { client, user, password } = await flutterSignUp(t);
    await client.signIn(user.username, 'customAuthWithSrp', password);
    const done = await client.confirmSignIn(await t.mail.latestCode(user.email));
    if (done.signedIn) remember(t, done.tokens);

    const refreshed = await failure(client.fetchAuthSession());
    const refreshedV1 = await failure(client.fetchAuthSessionV1());

    expect(refreshed).toBeInstanceOf(CognitoWireError);
    expect(refreshed).toMatchObject({ type: 'NotAuthorizedException', message: 'NotAuthorizedException: Refresh Token has expired' });
    expect(refreshedV1).toMatchObject({ type: 'NotAuthorizedException', message: 'NotAuthorizedException: Refresh Token has expired' });
  });

  it('logs no code, password, token or email address', () => {
    expect(leakedSecrets(t)).toEqual([]);
  });
});
