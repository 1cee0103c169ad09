import { buildAmplifyOutputs } from '@cognito-passwordless/client-config';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { PASSWORD, startTestStack, uniqueUser, type TestStack } from '../support/test-stack';

const FIXTURE_PAGE = join(__dirname, '..', 'fixtures', 'sign-in-page');

describe('the sign-in page server', () => {
  let t: TestStack;

  beforeAll(async () => {
    t = await startTestStack({ webRoot: FIXTURE_PAGE, triggerSettings: { SIGN_IN_FLOW: 'password-then-code' } });
  });
  afterAll(() => t?.stop());

  it('serves the built page at webUrl, on its own loopback port', async () => {
    const response = await fetch(t.outputs.webUrl);

    expect(t.outputs.webUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(new URL(t.outputs.webUrl).port).not.toBe(new URL(t.outputs.cognitoEndpoint).port);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe(readFileSync(join(FIXTURE_PAGE, 'index.html'), 'utf8'));
  });

  it('lets the page talk to itself and the user pool endpoint only', async () => {
    const response = await fetch(t.outputs.webUrl);

    expect(response.headers.get('content-security-policy')).toContain(`connect-src 'self' ${t.outputs.cognitoEndpoint};`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves scripts with a JavaScript content type', async () => {
    const response = await fetch(new URL('app.js', t.outputs.webUrl));

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it("serves the stack's amplify_outputs.json, with the endpoint under auth and custom .user_pool_endpoint", async () => {
    const response = await fetch(new URL('amplify_outputs.json', t.outputs.webUrl));

    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual(
      buildAmplifyOutputs({
        region: t.outputs.region,
        userPoolId: t.outputs.userPoolId,
        userPoolClientId: t.outputs.userPoolClientId,
        signInFlow: 'password-then-code',
        userPoolEndpoint: t.outputs.cognitoEndpoint,
      }),
    );
  });

  it('tells the page the sign-in flow and the mail viewer in local-config.json', async () => {
    const response = await fetch(new URL('local-config.json', t.outputs.webUrl));

    expect(await response.json()).toEqual({ signInFlow: 'password-then-code', mailViewerUrl: `${t.outputs.sesEndpoint}/`, latestCodesPath: 'local-codes.json' });
  });

  it('lists the codes of the newest emails in local-codes.json, newest first', async () => {
    const user = uniqueUser('codes');
    await t.client.send(
      new SignUpCommand({ ClientId: t.outputs.userPoolClientId, Username: user.username, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: user.email }] }),
    );
    const code = await t.mail.verificationCode(user.email);

    const { codes } = (await (await fetch(new URL('local-codes.json', t.outputs.webUrl))).json()) as { codes: { to: string[]; subject: string; codes: string[] }[] };

    expect(codes[0]).toEqual({ to: [user.email], subject: 'Your verification code', sentAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), codes: [code] });
    expect(codes.length).toBeLessThanOrEqual(5);
  });

  it("answers the CORS preflight the page's requests to the user pool endpoint need", async () => {
    const preflight = await fetch(`${t.outputs.cognitoEndpoint}/`, {
      method: 'OPTIONS',
      headers: {
        origin: new URL(t.outputs.webUrl).origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'cache-control,content-type,x-amz-target,x-amz-user-agent',
      },
    });

    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(new URL(t.outputs.webUrl).origin);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('cache-control,content-type,x-amz-target,x-amz-user-agent');
  });
});
