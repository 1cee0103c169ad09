import { AdminGetUserCommand, ConfirmForgotPasswordCommand, ConfirmSignUpCommand, ForgotPasswordCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { request } from 'node:http';
import { MAX_WRONG_CODES } from '../../src/state/attempt-limiter';
import { failure, leakedSecrets, PASSWORD, startTestStack, uniqueUser, wrongCode, type TestStack } from '../support/test-stack';

const LIMIT_EXCEEDED = { name: 'LimitExceededException', message: 'Attempt limit exceeded, please try after some time.' };

describe('the local stack refuses other web pages', () => {
  let t: TestStack;

  beforeAll(async () => {
    t = await startTestStack();
  });
  afterAll(() => t?.stop());

  /** A raw request with the headers a browser (or a rebinding page) would send; fetch cannot set Host. */
  function send(options: { method?: string; headers: Record<string, string>; target?: string; body?: object }) {
    const url = new URL(t.outputs.cognitoEndpoint);
    return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: { __type?: string; message?: string } }>((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          method: options.method ?? 'POST',
          path: '/',
          headers: {
            'content-type': 'application/x-amz-json-1.1',
            ...(options.target === undefined ? {} : { 'x-amz-target': `AWSCognitoIdentityProviderService.${options.target}` }),
            ...options.headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text === '' ? {} : JSON.parse(text) });
          });
        },
      );
      req.on('error', reject);
      req.end(options.body === undefined ? undefined : JSON.stringify(options.body));
    });
  }
  const host = () => new URL(t.outputs.cognitoEndpoint).host;
  const signUpBody = (user: { username: string; email: string }) => ({
    ClientId: t.outputs.userPoolClientId,
    Username: user.username,
    Password: PASSWORD,
    UserAttributes: [{ Name: 'email', Value: user.email }],
  });

  describe('CORS', () => {
    it.each(['http://127.0.0.1:5173', 'http://localhost:3000', 'http://[::1]:8080'])('answers a preflight from the loopback page %s', async (origin) => {
      const response = await send({ method: 'OPTIONS', headers: { host: host(), origin, 'access-control-request-headers': 'content-type,x-amz-target' } });

      expect(response.status).toBe(204);
      expect(response.headers['access-control-allow-origin']).toBe(origin);
    });

    it.each(['https://evil.example', 'http://localhost.evil.example', 'null'])('refuses a preflight and a call from %s, and runs nothing', async (origin) => {
      const user = uniqueUser('cors');

      const preflight = await send({ method: 'OPTIONS', headers: { host: host(), origin } });
      const call = await send({ headers: { host: host(), origin }, target: 'SignUp', body: signUpBody(user) });

      expect(preflight.status).toBe(403);
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      expect(call).toMatchObject({ status: 403, body: { __type: 'AccessDeniedException' } });
      expect(call.headers['access-control-allow-origin']).toBeUndefined();
      expect(await t.mail.to(user.email)).toHaveLength(0);
    });
  });

  describe('Host (DNS rebinding)', () => {
    it.each(['evil.example', 'rebind.evil.example:9229', '127.0.0.1.nip.io'])('refuses a request whose Host is %s', async (name) => {
      const user = uniqueUser('rebind');

      const response = await send({ headers: { host: name }, target: 'SignUp', body: signUpBody(user) });
      const jwks = await send({ method: 'GET', headers: { host: name } });

      expect(response).toMatchObject({ status: 403, body: { __type: 'AccessDeniedException' } });
      expect(jwks.status).toBe(403);
      expect(await t.mail.to(user.email)).toHaveLength(0);
    });

    it.each(['localhost', '[::1]'])('serves a request whose Host is %s with the port', async (name) => {
      const response = await send({ method: 'GET', headers: { host: `${name}:${new URL(t.outputs.cognitoEndpoint).port}` } });

      expect(response.status).toBe(200);
    });
  });

  describe('admin operations', () => {
    it('refuses an admin call that carries a browser Origin, even a loopback one, and serves it without', async () => {
      const user = uniqueUser('admin');
      await t.client.send(new SignUpCommand(signUpBody(user)));
      const body = { UserPoolId: t.outputs.userPoolId, Username: user.username };

      const fromPage = await send({ headers: { host: host(), origin: 'http://127.0.0.1:9230' }, target: 'AdminGetUser', body });
      const fromSdk = await t.client.send(new AdminGetUserCommand(body));

      expect(fromPage).toMatchObject({ status: 400, body: { __type: 'AccessDeniedException' } });
      expect(fromSdk.Username).toBe(user.username);
    });
  });

  describe(`attempt limit: ${MAX_WRONG_CODES} wrong codes`, () => {
    it('refuses ConfirmSignUp after the limit, even with the right code', async () => {
      const user = uniqueUser('limit');
      await t.client.send(new SignUpCommand(signUpBody(user)));
      const code = await t.mail.verificationCode(user.email);
      const confirm = (confirmationCode: string) =>
        t.client.send(new ConfirmSignUpCommand({ ClientId: t.outputs.userPoolClientId, Username: user.username, ConfirmationCode: confirmationCode }));

      const wrong = [];
      for (let attempt = 0; attempt < MAX_WRONG_CODES; attempt++) wrong.push((await failure(confirm(wrongCode(code)))).name);
      const right = await failure(confirm(code));

      expect(wrong).toEqual(Array(MAX_WRONG_CODES).fill('CodeMismatchException'));
      expect(right).toMatchObject(LIMIT_EXCEEDED);
    });

    it('refuses ConfirmForgotPassword after the limit, even with the right code', async () => {
      const user = uniqueUser('limit-reset');
      await t.client.send(new SignUpCommand(signUpBody(user)));
      await t.client.send(
        new ConfirmSignUpCommand({ ClientId: t.outputs.userPoolClientId, Username: user.username, ConfirmationCode: await t.mail.verificationCode(user.email) }),
      );
      await t.client.send(new ForgotPasswordCommand({ ClientId: t.outputs.userPoolClientId, Username: user.username }));
      const code = await t.mail.verificationCode(user.email);
      const reset = (confirmationCode: string) =>
        t.client.send(
          new ConfirmForgotPasswordCommand({ ClientId: t.outputs.userPoolClientId, Username: user.username, ConfirmationCode: confirmationCode, Password: 'Another-Pass-8' }),
        );

      for (let attempt = 0; attempt < MAX_WRONG_CODES; attempt++) await failure(reset(wrongCode(code)));
      const right = await failure(reset(code));

      expect(right).toMatchObject(LIMIT_EXCEEDED);
    });

    it('counts an unknown user like a known one, so the limit does not reveal who exists', async () => {
      const nobody = uniqueUser('nobody');
      const confirm = () => t.client.send(new ConfirmSignUpCommand({ ClientId: t.outputs.userPoolClientId, Username: nobody.username, ConfirmationCode: '123456' }));

      for (let attempt = 0; attempt < MAX_WRONG_CODES; attempt++) await failure(confirm());

      expect(await failure(confirm())).toMatchObject(LIMIT_EXCEEDED);
    });
  });

  it('logs no code, password, token or email address', () => {
    expect(leakedSecrets(t)).toEqual([]);
  });
});
