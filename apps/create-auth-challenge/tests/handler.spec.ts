import { DECOY_EMAIL_RECIPIENT } from '@cognito-passwordless/contract';
import { closedPort, startSesSink, type SesSink } from '@cognito-passwordless/ses-sink';
import { startDynalite, type DynaliteServer } from '@cognito-passwordless/dynamodb-local';
import type { CreateAuthChallengeTriggerEvent } from 'aws-lambda';

type Handler = (event: CreateAuthChallengeTriggerEvent) => Promise<CreateAuthChallengeTriggerEvent>;

const savedEnv = { ...process.env };

/**
 * Loads the handler with `env` as the function's whole environment, which
 * stays in place until the test ends: the SDK reads its endpoint and
 * credentials when it first sends.
 */
function loadHandler(env: Record<string, string>): Handler {
  // Plus the SDK's switch for its Node 22 notice, which Lambda's nodejs22.x never prints (README: "Node version").
  process.env = { ...env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
  let handler: Handler | undefined;
  jest.isolateModules(() => {
    handler = (require('../src/index') as { handler: Handler }).handler;
  });
  return handler!;
}

const event = (email = 'jane.doe@example.com', locale?: string, userName = 'jane.doe@example.com') =>
  ({
    version: '1',
    region: 'us-east-1',
    userPoolId: 'us-east-1_Example01',
    userName,
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
  let dynalite: DynaliteServer;
  let output: string[];
  const env = (): Record<string, string> => ({
    EMAIL_FROM: 'sign-in@example.com',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_SES: sink.endpoint,
    AWS_ENDPOINT_URL_DYNAMODB: dynalite.endpoint,
    SIGN_IN_STATE_TABLE: 'sign-in-state',
    MAX_CODES_PER_HOUR: '100',
  });
  const logLines = () =>
    output.join('').split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);

  beforeAll(async () => {
    [sink, dynalite] = await Promise.all([startSesSink(), startDynalite()]);
    await dynalite.createStateTable('sign-in-state');
  });
  afterAll(async () => {
    await sink?.stop();
    await dynalite?.stop();
  });
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
      resendAfterSeconds: '30',
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
    const decisions = logLines();
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

  it('emails an unknown username\'s decoy to the mailbox simulator, and logs it as a decoy', async () => {
    const handler = loadHandler(env());
    const unknown = event(undefined, undefined, 'nobody@example.com');
    Object.assign(unknown.request, { userNotFound: true, userAttributes: {} });

    await handler(unknown);

    expect((await sink.emails()).map((e) => e.destination.to)).toEqual([[DECOY_EMAIL_RECIPIENT]]);
    expect(logLines()[0]).toMatchObject({ trigger: 'create', outcome: 'decoy', reason: 'user-not-found', userNotFound: true });
  });

  it('throws SignInLimitError past MAX_CODES_PER_HOUR, sends nothing, and logs limited with its reason', async () => {
    const handler = loadHandler({ ...env(), MAX_CODES_PER_HOUR: '1' });
    await handler(event(undefined, undefined, 'capped@example.com'));
    await sink.clear();

    await expect(handler(event(undefined, undefined, 'capped@example.com'))).rejects.toMatchObject({
      name: 'SignInLimitError',
      message: 'Too many sign-in attempts. Try again later.',
    });

    expect(await sink.emails()).toHaveLength(0);
    expect(logLines().at(-1)).toMatchObject({ trigger: 'create', outcome: 'limited', reason: 'codes-per-hour', userNotFound: false });
  });

  it('throws SignInStateError, sends nothing and logs store-failed when the table cannot be reached', async () => {
    const handler = loadHandler({ ...env(), AWS_ENDPOINT_URL_DYNAMODB: await closedPort() });

    await expect(handler(event())).rejects.toMatchObject({ name: 'SignInStateError', reason: 'unreachable' });

    expect(await sink.emails()).toHaveLength(0);
    expect(logLines().at(-1)).toMatchObject({ trigger: 'create', outcome: 'store-failed', reason: 'unreachable' });
    expect(output.join('')).not.toContain('jane.doe@example.com');
  });

  it('fails to load without SIGN_IN_STATE_TABLE', () => {
    const { SIGN_IN_STATE_TABLE: _, ...rest } = env();
    expect(() => loadHandler(rest)).toThrow(expect.objectContaining({ name: 'ConfigError', variable: 'SIGN_IN_STATE_TABLE' }));
  });

  it('fails to load with a guessing bound above 1e-4 a day', () => {
    expect(() => loadHandler({ ...env(), MAX_FAILED_ANSWERS_PER_DAY: '1000' })).toThrow(/MAX_FAILED_ANSWERS_PER_DAY.*CODE_LENGTH/);
  });

  it('fails to load without EMAIL_FROM', () => {
    const { EMAIL_FROM: _, ...rest } = env();
    expect(() => loadHandler(rest)).toThrow(expect.objectContaining({ name: 'ConfigError', variable: 'EMAIL_FROM' }));
  });
});
