import { startSesSink, type SesSink } from '@cognito-passwordless/ses-sink';
import type { CreateAuthChallengeTriggerEvent } from 'aws-lambda';

type Handler = (event: CreateAuthChallengeTriggerEvent) => Promise<CreateAuthChallengeTriggerEvent>;

const savedEnv = { ...process.env };

/**
 * Loads the handler with `env` as the function's whole environment, which
 * stays in place until the test ends: the SDK reads its endpoint and
 * credentials when it first sends.
 */
function loadHandler(env: Record<string, string>): Handler {
  process.env = { ...env };
  let handler: Handler | undefined;
  jest.isolateModules(() => {
    handler = (require('../src/index') as { handler: Handler }).handler;
  });
  return handler!;
}

const event = (email = 'jane.doe@example.com', locale?: string) =>
  ({
    version: '1',
    region: 'us-east-1',
    userPoolId: 'us-east-1_Example01',
    userName: 'jane.doe@example.com',
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client' },
    triggerSource: 'CreateAuthChallenge_Authentication',
    request: {
      userAttributes: { sub: '0b9c2f4e-0000-4000-8000-000000000001', email, email_verified: 'true', ...(locale ? { locale } : {}) },
      challengeName: 'CUSTOM_CHALLENGE',
      session: [],
      userNotFound: false,
    },
    response: {},
  }) as unknown as CreateAuthChallengeTriggerEvent;

describe('create-auth-challenge handler', () => {
  let sink: SesSink;
  let output: string[];
  const env = () => ({
    EMAIL_FROM: 'sign-in@example.com',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_SES: sink.endpoint,
  });

  beforeAll(async () => {
    sink = await startSesSink();
  });
  afterAll(() => sink?.stop());
  beforeEach(async () => {
    await sink.clear();
    output = [];
    for (const stream of [process.stdout, process.stderr]) {
      jest.spyOn(stream, 'write').mockImplementation((chunk) => (output.push(String(chunk)), true));
    }
  });
  afterEach(() => {
    jest.restoreAllMocks();
    process.env = { ...savedEnv };
  });

  it('emails a code through SES and returns the challenge', async () => {
    const handler = loadHandler(env());

    const result = await handler(event());

    const [email] = await sink.emails();
    const code = /\b(\d{6})\b/.exec(email!.body.text!)![1]!;
    expect(email).toMatchObject({ from: 'sign-in@example.com', subject: 'Your sign-in code', destination: { to: ['jane.doe@example.com'] } });
    expect(result.response.publicChallengeParameters).toEqual({
      hint: 'Enter the 6-digit code we sent to your email address. It is valid for 5 minutes.',
      attemptsLeft: '3',
    });
    expect(JSON.stringify(result.response)).not.toContain(code);
  });

  it('writes to a user whose locale is fr-CA in French, text and HTML, naming EMAIL_APP_NAME', async () => {
    const handler = loadHandler({ ...env(), EMAIL_APP_NAME: 'Acme' });

    await handler(event('jane.doe@example.com', 'fr-CA'));

    const [email] = await sink.emails();
    expect(email!.subject).toBe('Votre code de connexion à Acme');
    expect(email!.body.text).toContain('Il est valable 5\u00a0minutes.');
    expect(email!.body.html).toContain('<html lang="fr"');
    expect(email!.body.html).toContain('<title>Connexion à Acme</title>');
  });

  it('logs the decision by sub, never the code or the address', async () => {
    const handler = loadHandler(env());

    await handler(event());

    const [email] = await sink.emails();
    const code = /\b(\d{6})\b/.exec(email!.body.text!)![1]!;
    const log = output.join('');
    const decisions = log.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line));
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({ trigger: 'create', outcome: 'code-sent', user: '0b9c2f4e-0000-4000-8000-000000000001' });
    expect(log).not.toContain(code);
    expect(log).not.toContain('jane.doe@example.com');
  });

  it('throws EmailDeliveryError and logs the failure by name when SES is unreachable', async () => {
    const handler = loadHandler({ ...env(), AWS_ENDPOINT_URL_SES: 'http://127.0.0.1:1' });

    await expect(handler(event())).rejects.toMatchObject({ name: 'EmailDeliveryError' });

    expect(output.join('')).toContain('"outcome":"email-failed","reason":"unreachable"');
    expect(output.join('')).not.toContain('jane.doe@example.com');
  });

  it('fails to load without EMAIL_FROM', () => {
    const { EMAIL_FROM: _, ...rest } = env();
    expect(() => loadHandler(rest)).toThrow(expect.objectContaining({ name: 'ConfigError', variable: 'EMAIL_FROM' }));
  });
});
