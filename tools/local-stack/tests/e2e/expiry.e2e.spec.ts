import {
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  GetUserCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { MAX_WRONG_CODES, WRONG_CODE_WINDOW_MS } from '../../src/state/attempt-limiter';
import { CHALLENGE_ANSWER, startTestPool, type TestPool } from '../support/test-pool';
import { failure, PASSWORD, uniqueUser, wrongCode } from '../support/test-stack';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** Cognito's default validity of a sign-in session. */
const SESSION_SECONDS = 180;

/** Everything here that expires, judged by the pool on a fake clock: no sleeping. */
describe('expiry on the pool clock (protocol to state, fake clock, in-process triggers)', () => {
  let t: TestPool;
  beforeAll(async () => {
    t = await startTestPool({ authSessionValiditySeconds: SESSION_SECONDS });
  });
  afterAll(() => t?.stop());

  const signUp = async () => {
    const user = uniqueUser('clock');
    await t.client.send(
      new SignUpCommand({ ClientId: t.clientId, Username: user.username, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: user.email }] }),
    );
    return user;
  };
  const confirm = (username: string, code: string) => t.client.send(new ConfirmSignUpCommand({ ClientId: t.clientId, Username: username, ConfirmationCode: code }));
  const confirmedUser = async () => {
    const user = await signUp();
    await confirm(user.username, t.lastCode(user.email));
    return user;
  };
  const initiate = (username: string) =>
    t.client.send(new InitiateAuthCommand({ ClientId: t.clientId, AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME: username } }));
  const answer = (username: string, session: string | undefined) =>
    t.client.send(
      new RespondToAuthChallengeCommand({
        ClientId: t.clientId,
        ChallengeName: 'CUSTOM_CHALLENGE',
        Session: session,
        ChallengeResponses: { USERNAME: username, ANSWER: CHALLENGE_ANSWER },
      }),
    );
  const signIn = async (username: string) => (await answer(username, (await initiate(username)).Session)).AuthenticationResult;
  const refresh = (refreshToken: string | undefined) =>
    t.client.send(new InitiateAuthCommand({ ClientId: t.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: refreshToken ?? '' } }));

  describe(`the sign-in session (${SESSION_SECONDS} s)`, () => {
    it('refuses an expired session with "Invalid session for the user, session is expired."', async () => {
      const user = await confirmedUser();
      const first = await initiate(user.username);

      t.clock.advance(SESSION_SECONDS * 1000);
      const error = await failure(answer(user.username, first.Session));

      expect(error).toMatchObject({ name: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' });
      expect(t.sessions.size).toBe(0);
    });

    it('takes an answer in the last millisecond of the session', async () => {
      const user = await confirmedUser();
      const first = await initiate(user.username);

      t.clock.advance(SESSION_SECONDS * 1000 - 1);
      const done = await answer(user.username, first.Session);

      expect(done.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
    });
  });

  describe('tokens', () => {
    it('refreshes until the refresh token is 30 days old, then says it has expired; revoking it then is a no-op', async () => {
      const user = await confirmedUser();
      const tokens = await signIn(user.username);

      t.clock.advance(30 * DAY_MS - 1000);
      const lastDay = await refresh(tokens?.RefreshToken);
      t.clock.advance(1000);
      const expired = await failure(refresh(tokens?.RefreshToken));
      const revoked = await t.client.send(new RevokeTokenCommand({ ClientId: t.clientId, Token: tokens?.RefreshToken ?? '' }));

      expect(lastDay.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
      expect(expired).toMatchObject({ name: 'NotAuthorizedException', message: 'Refresh Token has expired' });
      expect(revoked.$metadata.httpStatusCode).toBe(200);
    });

    it('serves GetUser for an hour with an access token, then says it has expired', async () => {
      const user = await confirmedUser();
      const tokens = await signIn(user.username);

      t.clock.advance(HOUR_MS - 1000);
      const within = await t.client.send(new GetUserCommand({ AccessToken: tokens?.AccessToken }));
      t.clock.advance(1000);
      const expired = await failure(t.client.send(new GetUserCommand({ AccessToken: tokens?.AccessToken })));

      expect(within.Username).toBe(user.username);
      expect(expired).toMatchObject({ name: 'NotAuthorizedException', message: 'Access Token has expired' });
    });
  });

  describe('one-time codes', () => {
    it('refuses a sign-up code 24 hours after it was sent, and the user stays unconfirmed', async () => {
      const user = await signUp();
      const code = t.lastCode(user.email);

      t.clock.advance(DAY_MS);
      const expired = await failure(confirm(user.username, code));
      const stillUnconfirmed = await failure(initiate(user.username));

      expect(expired).toMatchObject({ name: 'ExpiredCodeException', message: 'Invalid code provided, please request a code again.' });
      expect(stillUnconfirmed).toMatchObject({ name: 'UserNotConfirmedException' });
    });

    it('takes a password reset code for an hour, not longer', async () => {
      const user = await confirmedUser();
      const reset = async () => {
        await t.client.send(new ForgotPasswordCommand({ ClientId: t.clientId, Username: user.username }));
        return t.lastCode(user.email);
      };
      const confirmReset = (code: string) =>
        t.client.send(new ConfirmForgotPasswordCommand({ ClientId: t.clientId, Username: user.username, ConfirmationCode: code, Password: PASSWORD }));

      const early = await reset();
      t.clock.advance(HOUR_MS);
      const expired = await failure(confirmReset(early));
      const late = await reset();
      t.clock.advance(HOUR_MS - 1);
      const done = await confirmReset(late);

      expect(expired).toMatchObject({ name: 'ExpiredCodeException' });
      expect(done.$metadata.httpStatusCode).toBe(200);
    });
  });

  it(`locks confirmation after ${MAX_WRONG_CODES} wrong codes for ${WRONG_CODE_WINDOW_MS / MINUTE_MS} minutes from the first`, async () => {
    const user = await signUp();
    const code = t.lastCode(user.email);
    for (let attempt = 0; attempt < MAX_WRONG_CODES; attempt++) await failure(confirm(user.username, wrongCode(code)));

    t.clock.advance(WRONG_CODE_WINDOW_MS - 1);
    const locked = await failure(confirm(user.username, code));
    t.clock.advance(1);
    const confirmed = await confirm(user.username, code);

    expect(locked).toMatchObject({ name: 'LimitExceededException', message: 'Attempt limit exceeded, please try after some time.' });
    expect(confirmed.$metadata.httpStatusCode).toBe(200);
  });
});
