import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  GetUserCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { decodeProtectedHeader } from 'jose';
import { request } from 'node:http';
import { failure, leakedSecrets, PASSWORD, startTestStack, uniqueUser, wrongCode, type TestStack } from '../support/test-stack';

describe('the user pool API: wire protocol, errors and account operations', () => {
  let t: TestStack;

  beforeAll(async () => {
    t = await startTestStack();
  });
  afterAll(() => t?.stop());

  /** A raw AWS JSON 1.1 call, for what an SDK would refuse to send. */
  async function call(target: string | undefined, body: string | object) {
    const response = await fetch(`${t.outputs.cognitoEndpoint}/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        ...(target === undefined ? {} : { 'x-amz-target': `AWSCognitoIdentityProviderService.${target}` }),
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as { __type?: string; message?: string } };
  }

  async function signUp(user = uniqueUser(), password = PASSWORD) {
    await t.client.send(
      new SignUpCommand({ ClientId: t.outputs.userPoolClientId, Username: user.username, Password: password, UserAttributes: [{ Name: 'email', Value: user.email }] }),
    );
    return user;
  }

  async function confirmedUser() {
    const user = await signUp();
    const code = await t.mail.verificationCode(user.email);
    await t.client.send(new ConfirmSignUpCommand({ ClientId: t.outputs.userPoolClientId, Username: user.username, ConfirmationCode: code }));
    return user;
  }

  /** The passwordless sign-in with the raw SDK: CUSTOM_AUTH, then the emailed code; returns the tokens. */
  async function codeSignIn(user: { username: string; email: string }) {
    const started = await t.client.send(
      new InitiateAuthCommand({ ClientId: t.outputs.userPoolClientId, AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME: user.username } }),
    );
    const answered = await t.client.send(
      new RespondToAuthChallengeCommand({
        ClientId: t.outputs.userPoolClientId,
        ChallengeName: 'CUSTOM_CHALLENGE',
        Session: started.Session,
        ChallengeResponses: { USERNAME: started.ChallengeParameters!['USERNAME']!, ANSWER: await t.mail.latestCode(user.email) },
      }),
    );
    const tokens = answered.AuthenticationResult!;
    t.secrets.add(tokens.AccessToken!).add(tokens.RefreshToken!).add(tokens.IdToken!);
    return tokens;
  }

  describe('wire protocol', () => {
    it('answers an unknown operation with UnknownOperationException and HTTP 400', async () => {
      const { status, body } = await call('FlyToTheMoon', {});

      expect(status).toBe(400);
      expect(body.__type).toBe('UnknownOperationException');
    });

    it('answers a request without X-Amz-Target with UnknownOperationException', async () => {
      expect(await call(undefined, {})).toMatchObject({ status: 400, body: { __type: 'UnknownOperationException' } });
    });

    it('answers malformed JSON and a non-object body with a 400 that has a __type', async () => {
      expect(await call('SignUp', '{"ClientId": ')).toMatchObject({ status: 400, body: { __type: 'SerializationException' } });
      expect(await call('SignUp', '[1,2]')).toMatchObject({ status: 400, body: { __type: 'SerializationException' } });
      expect(await call('SignUp', '\u0000\u00ff garbage')).toMatchObject({ status: 400, body: { __type: 'SerializationException' } });
    });

    it('refuses a body over 1 MB with a 4xx or a closed connection, and keeps serving', async () => {
      const huge = JSON.stringify({ ClientId: t.outputs.userPoolClientId, Username: 'x'.repeat(1024 * 1024 + 10) });
      const status = await new Promise<number | 'closed'>((resolve) => {
        const url = new URL(t.outputs.cognitoEndpoint);
        const req = request(
          { host: url.hostname, port: url.port, method: 'POST', path: '/', headers: { 'x-amz-target': 'AWSCognitoIdentityProviderService.SignUp' } },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', () => resolve('closed'));
        req.end(huge);
      });

      expect(status === 'closed' || (status >= 400 && status < 500)).toBe(true);
      expect((await call('GetUser', { AccessToken: 'a.b.c' })).body.__type).toBe('NotAuthorizedException');
    });

    it('names a missing parameter with InvalidParameterException', async () => {
      const { status, body } = await call('SignUp', { ClientId: t.outputs.userPoolClientId, Password: PASSWORD });

      expect(status).toBe(400);
      expect(body).toEqual({
        __type: 'InvalidParameterException',
        message: "1 validation error detected: Value null at 'username' failed to satisfy constraint: Member must not be null",
      });
    });

    it('refuses a parameter of the wrong type or shape with InvalidParameterException', async () => {
      const wrongType = await call('InitiateAuth', { ClientId: t.outputs.userPoolClientId, AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME: 42 } });
      const badFlow = await call('InitiateAuth', { ClientId: t.outputs.userPoolClientId, AuthFlow: 'MAGIC', AuthParameters: {} });
      const noUsername = await call('InitiateAuth', { ClientId: t.outputs.userPoolClientId, AuthFlow: 'CUSTOM_AUTH', AuthParameters: {} });
      const disabledFlow = await call('InitiateAuth', { ClientId: t.outputs.userPoolClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: {} });

      expect(wrongType.body).toEqual({
        __type: 'InvalidParameterException',
        message: "1 validation error detected: Value at 'authParameters.USERNAME' failed to satisfy constraint: Member must be a string",
      });
      expect(badFlow.body.__type).toBe('InvalidParameterException');
      expect(noUsername.body).toEqual({ __type: 'InvalidParameterException', message: 'Missing required parameter USERNAME' });
      expect(disabledFlow.body).toEqual({ __type: 'InvalidParameterException', message: 'USER_PASSWORD_AUTH flow not enabled for this client' });
    });

    it('quotes the value of a member the service model does not mark sensitive, and only those', async () => {
      const badFlow = await call('InitiateAuth', { ClientId: t.outputs.userPoolClientId, AuthFlow: 'NO_SUCH_FLOW' });
      const shortSession = await call('RespondToAuthChallenge', { ClientId: t.outputs.userPoolClientId, ChallengeName: 'CUSTOM_CHALLENGE', Session: 'short' });

      expect(badFlow.body.message).toMatch(/^1 validation error detected: Value 'NO_SUCH_FLOW' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set: \[/);
      expect(shortSession.body.message).toBe(
        "1 validation error detected: Value at 'session' failed to satisfy constraint: Member must have length greater than or equal to 20",
      );
    });

    it('puts the message in x-amzn-ErrorMessage beside x-amzn-ErrorType on every error answer', async () => {
      const answers = [
        await call('FlyToTheMoon', {}),
        await call('SignUp', '{"ClientId": '),
        await call('SignUp', { ClientId: t.outputs.userPoolClientId, Password: PASSWORD }),
        await call('GetUser', { AccessToken: 'a.b.c' }),
        await call('RespondToAuthChallenge', { ClientId: t.outputs.userPoolClientId, ChallengeName: 'CUSTOM_CHALLENGE', Session: 'x'.repeat(40) }),
      ];
      const notAllowed = await fetch(`${t.outputs.cognitoEndpoint}/`, { method: 'PUT', body: '{}' });

      for (const { status, headers, body } of answers) {
        expect(status).toBe(400);
        expect({ type: headers.get('x-amzn-errortype'), message: headers.get('x-amzn-errormessage') }).toEqual({ type: body.__type, message: body.message });
      }
      expect(answers.at(-1)!.headers.get('x-amzn-errormessage')).toBe('Invalid session for the user.');
      expect(notAllowed.status).toBe(405);
      expect(notAllowed.headers.get('x-amzn-errormessage')).toBe('Method PUT is not supported');
    });

    it('answers an unknown client id with ResourceNotFoundException', async () => {
      const error = await failure(
        t.client.send(new InitiateAuthCommand({ ClientId: 'nosuchclient', AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME: 'someone' } })),
      );

      expect(error).toMatchObject({ name: 'ResourceNotFoundException', message: 'User pool client nosuchclient does not exist.' });
    });

    it('serves the JWKS and OpenID configuration, and answers CORS preflights', async () => {
      const jwks = (await (await fetch(t.outputs.jwksUri)).json()) as { keys: { kid: string; alg: string; kty: string; use: string }[] };
      const openid = (await (await fetch(`${t.outputs.issuer}/.well-known/openid-configuration`)).json()) as Record<string, string>;
      const preflight = await fetch(`${t.outputs.cognitoEndpoint}/`, {
        method: 'OPTIONS',
        headers: { origin: 'http://127.0.0.1:5173', 'access-control-request-headers': 'content-type,x-amz-target' },
      });

      expect(jwks.keys).toEqual([expect.objectContaining({ alg: 'RS256', kty: 'RSA', use: 'sig', kid: expect.any(String) })]);
      expect(openid).toMatchObject({ issuer: t.outputs.issuer, jwks_uri: t.outputs.jwksUri });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    });
  });

  describe('sign-up and confirmation', () => {
    it('refuses a password that breaks the pool policy with InvalidPasswordException', async () => {
      const error = await failure(signUp(uniqueUser(), 'short'));

      expect(error).toMatchObject({ name: 'InvalidPasswordException', message: 'Password did not conform with policy: Password not long enough' });
    });

    it('requires the email attribute', async () => {
      const user = uniqueUser();
      const error = await failure(t.client.send(new SignUpCommand({ ClientId: t.outputs.userPoolClientId, Username: user.username, Password: PASSWORD })));

      expect(error).toMatchObject({ name: 'InvalidParameterException', message: expect.stringContaining('email') });
    });

    it.each(['email_verified', 'phone_number', 'phone_number_verified'])('refuses a sign-up that writes %s, which the app client may not write', async (name) => {
      const user = uniqueUser();
      const attributes = [{ Name: 'email', Value: user.email }, { Name: name, Value: name === 'phone_number' ? '+15555550100' : 'true' }];

      const error = await failure(
        t.client.send(new SignUpCommand({ ClientId: t.outputs.userPoolClientId, Username: user.username, Password: PASSWORD, UserAttributes: attributes })),
      );

      expect(error).toMatchObject({ name: 'NotAuthorizedException', message: 'A client attempted to write unauthorized attribute' });
    });

    it('refuses a taken username with UsernameExistsException, whatever its case', async () => {
      const user = await signUp();

      const error = await failure(signUp({ username: user.username.toUpperCase(), email: user.email }));

      expect(error).toMatchObject({ name: 'UsernameExistsException' });
    });

    it('answers a wrong confirmation code with CodeMismatchException; the right code still confirms', async () => {
      const user = await signUp();
      const code = await t.mail.verificationCode(user.email);
      const confirm = (confirmationCode: string) =>
        t.client.send(new ConfirmSignUpCommand({ ClientId: t.outputs.userPoolClientId, Username: user.username, ConfirmationCode: confirmationCode }));

      const error = await failure(confirm(wrongCode(code)));
      await confirm(code);
      const again = await failure(confirm(code));

      expect(error).toMatchObject({ name: 'CodeMismatchException', message: 'Invalid verification code provided, please try again.' });
      expect(again).toMatchObject({ name: 'NotAuthorizedException', message: 'User cannot be confirmed. Current status is CONFIRMED' });
    });

    it('confirms with the code of ResendConfirmationCode, not the first one', async () => {
      const user = await signUp();
      const first = await t.mail.verificationCode(user.email);
      const resent = await t.client.send(new ResendConfirmationCodeCommand({ ClientId: t.outputs.userPoolClientId, Username: user.username }));
      const second = await t.mail.verificationCode(user.email);
      const confirm = (confirmationCode: string) =>
        t.client.send(new ConfirmSignUpCommand({ ClientId: t.outputs.userPoolClientId, Username: user.username, ConfirmationCode: confirmationCode }));

      const old = first === second ? undefined : await failure(confirm(first));
      await confirm(second);

      expect(resent.CodeDeliveryDetails).toEqual({ AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: expect.stringMatching(/^\w\*\*\*@\w\*\*\*\.test$/) });
      expect(old?.name ?? 'CodeMismatchException').toBe('CodeMismatchException');
      expect((await t.mail.to(user.email)).map((mail) => mail.subject)).toEqual(['Your verification code', 'Your verification code']);
    });

    it('answers ConfirmSignUp and ForgotPassword for an unknown user as for a known one, with no email', async () => {
      const nobody = uniqueUser('nobody');

      const confirm = await failure(
        t.client.send(new ConfirmSignUpCommand({ ClientId: t.outputs.userPoolClientId, Username: nobody.username, ConfirmationCode: '123456' })),
      );
      const forgot = await t.client.send(new ForgotPasswordCommand({ ClientId: t.outputs.userPoolClientId, Username: nobody.username }));

      expect(confirm.name).toBe('CodeMismatchException');
      expect(forgot.CodeDeliveryDetails).toMatchObject({ DeliveryMedium: 'EMAIL', AttributeName: 'email' });
      expect(await t.mail.to(nobody.email)).toHaveLength(0);
    });
  });

  describe('password reset', () => {
    it('resets a forgotten password with the emailed code, once', async () => {
      const user = await confirmedUser();
      const newPassword = 'Brand-New-Pass-7';
      t.secrets.add(newPassword);
      const reset = (code: string) =>
        t.client.send(
          new ConfirmForgotPasswordCommand({ ClientId: t.outputs.userPoolClientId, Username: user.username, ConfirmationCode: code, Password: newPassword }),
        );

      const sent = await t.client.send(new ForgotPasswordCommand({ ClientId: t.outputs.userPoolClientId, Username: user.username }));
      const code = await t.mail.verificationCode(user.email);
      await reset(code);
      const again = await failure(reset(code));

      expect(sent.CodeDeliveryDetails?.DeliveryMedium).toBe('EMAIL');
      expect(again).toMatchObject({ name: 'CodeMismatchException' });
    });
  });

  describe('tokens and admin calls', () => {
    it('refuses tampered access and refresh tokens with NotAuthorizedException', async () => {
      const user = await confirmedUser();
      const tokens = await codeSignIn(user);
      const access = tokens.AccessToken!;
      const refresh = tokens.RefreshToken!;
      const [header, payload, signature] = access.split('.');
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
      const forged = [header, Buffer.from(JSON.stringify({ ...claims, username: 'admin' })).toString('base64url'), signature].join('.');
      const flipped = refresh.slice(0, -5) + (refresh.at(-5) === 'A' ? 'B' : 'A') + refresh.slice(-4);

      const getUser = await failure(t.client.send(new GetUserCommand({ AccessToken: forged })));
      const refreshed = await failure(
        t.client.send(new InitiateAuthCommand({ ClientId: t.outputs.userPoolClientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: flipped } })),
      );

      expect(decodeProtectedHeader(access)).toMatchObject({ alg: 'RS256', kid: expect.any(String) });
      expect(getUser).toMatchObject({ name: 'NotAuthorizedException', message: 'Invalid Access Token' });
      expect(refreshed).toMatchObject({ name: 'NotAuthorizedException', message: 'Invalid Refresh Token' });
    });

    it('creates, reads and deletes users with the admin calls; a deleted user\'s token stops working', async () => {
      const user = uniqueUser('admin');
      const created = await t.client.send(
        new AdminCreateUserCommand({
          UserPoolId: t.outputs.userPoolId,
          Username: user.username,
          MessageAction: 'SUPPRESS',
          UserAttributes: [{ Name: 'email', Value: user.email }, { Name: 'email_verified', Value: 'true' }],
        }),
      );
      await t.client.send(new AdminSetUserPasswordCommand({ UserPoolId: t.outputs.userPoolId, Username: user.username, Password: PASSWORD, Permanent: true }));
      const fetched = await t.client.send(new AdminGetUserCommand({ UserPoolId: t.outputs.userPoolId, Username: user.username }));
      const tokens = await codeSignIn(user);
      await t.client.send(new AdminDeleteUserCommand({ UserPoolId: t.outputs.userPoolId, Username: user.username }));

      const afterDelete = await failure(t.client.send(new GetUserCommand({ AccessToken: tokens.AccessToken! })));
      const deleteAgain = await failure(t.client.send(new AdminDeleteUserCommand({ UserPoolId: t.outputs.userPoolId, Username: user.username })));

      expect(created.User).toMatchObject({ Username: user.username, UserStatus: 'FORCE_CHANGE_PASSWORD', Enabled: true });
      expect(fetched).toMatchObject({ UserStatus: 'CONFIRMED' });
      expect(fetched.UserAttributes).toEqual(expect.arrayContaining([{ Name: 'email_verified', Value: 'true' }]));
      expect(afterDelete).toMatchObject({ name: 'UserNotFoundException' });
      expect(deleteAgain).toMatchObject({ name: 'UserNotFoundException' });
      expect((await t.mail.to(user.email)).map((mail) => mail.subject)).not.toContain('Your temporary password');
    });

    it('emails an admin-created user an invitation with the temporary password', async () => {
      const user = uniqueUser('invited');
      const temporary = 'Temporary-Pass-1';
      t.secrets.add(temporary);
      await t.client.send(
        new AdminCreateUserCommand({
          UserPoolId: t.outputs.userPoolId,
          Username: user.username,
          TemporaryPassword: temporary,
          UserAttributes: [{ Name: 'email', Value: user.email }],
        }),
      );

      const invitation = (await t.mail.to(user.email)).at(-1);

      expect(invitation).toMatchObject({ subject: 'Your temporary password' });
    });
  });

  describe('logs', () => {
    it('hold no code, password, token or email address', () => {
      expect(leakedSecrets(t)).toEqual([]);
    });
  });
});
