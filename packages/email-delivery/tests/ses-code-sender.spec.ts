import { SESClient } from '@aws-sdk/client-ses';
import { closedPort, failingServer, silentServer, startSesSink, type SesSink } from '@cognito-passwordless/ses-sink';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import {
  classifyDeliveryFailure,
  createSesCodeSender,
  EmailDeliveryError,
  readEmailConfig,
  SES_CONNECTION_TIMEOUT_MS,
  SES_MAX_ATTEMPTS,
  SES_REQUEST_TIMEOUT_MS,
} from '../src';


/** The production client settings, pointed at a loopback endpoint with fake credentials. */
const clientFor = (endpoint: string) =>
  new SESClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: SES_MAX_ATTEMPTS,
    requestHandler: new NodeHttpHandler({
      connectionTimeout: SES_CONNECTION_TIMEOUT_MS,
      requestTimeout: SES_REQUEST_TIMEOUT_MS,
      throwOnRequestTimeout: true,
    }),
  });

const config = readEmailConfig({ EMAIL_FROM: 'Example Sign-in <sign-in@example.com>', EMAIL_SUBJECT: 'Your code' });
const message = { to: 'jane.doe@example.com', code: '048213', validForSeconds: 300 };

/** The error a send ends with, and how long it took. */
async function failure(endpoint: string) {
  const started = Date.now();
  const error = await createSesCodeSender(clientFor(endpoint), config)(message).then(
    () => undefined,
    (e: unknown) => e as EmailDeliveryError,
  );
  return { error, elapsedMs: Date.now() - started };
}

describe('SES code sender', () => {
  let sink: SesSink;
  beforeAll(async () => {
    sink = await startSesSink();
  });
  afterAll(() => sink?.stop());

  it('sends a German text and HTML email to a user whose locale is de-AT', async () => {
    await sink.clear();
    const german = readEmailConfig({ EMAIL_FROM: 'sign-in@example.com', EMAIL_APP_NAME: 'Acme' });
    await createSesCodeSender(clientFor(sink.endpoint), german)({ ...message, locale: 'de-AT' });

    const [email] = await sink.emails();
    expect(email?.subject).toBe('Ihr Anmeldecode für Acme');
    expect(email?.body.text).toContain('048213');
    expect(email?.body.text).toContain('5 Minuten lang gültig');
    expect(email?.body.html).toContain('<html lang="de"');
    expect(email?.body.html).toContain('5 Minuten lang gültig');
  });

  it('sends the code from EMAIL_FROM with EMAIL_SUBJECT, in text and HTML', async () => {
    await sink.clear();
    await createSesCodeSender(clientFor(sink.endpoint), config)(message);

    const [email] = await sink.emails();
    expect(email).toMatchObject({
      from: 'Example Sign-in <sign-in@example.com>',
      destination: { to: ['jane.doe@example.com'] },
      subject: 'Your code',
    });
    expect(email?.body.text).toContain('048213');
    expect(email?.body.text).toContain('valid for 5 minutes');
    expect(email?.body.html).toContain('048213');
    expect(email?.body.html).toContain('valid for 5 minutes');
  });

  it('fails with EmailDeliveryError when nothing listens, without quoting the address', async () => {
    const { error, elapsedMs } = await failure(await closedPort());

    expect(error).toBeInstanceOf(EmailDeliveryError);
    expect(error?.name).toBe('EmailDeliveryError');
    expect(error?.message).toBe('Could not send the sign-in email: could not reach SES (ECONNREFUSED).');
    expect(error?.cause).toBeDefined();

    expect(elapsedMs).toBeLessThan(4_000);
  });

  it('gives up on a server that never answers within 4 seconds', async () => {
    const server = await silentServer();
    try {
      const { error, elapsedMs } = await failure(server.endpoint);

      expect(error?.name).toBe('EmailDeliveryError');
      expect(error?.message).toMatch(/^Could not send the sign-in email: SES did not answer/);
      expect(elapsedMs).toBeLessThan(4_000);
    } finally {
      await server.close();
    }
  });

  it('retries a 500 once, then fails with the status', async () => {
    const server = await failingServer(500);
    try {
      const { error, elapsedMs } = await failure(server.endpoint);

      expect(error?.message).toBe('Could not send the sign-in email: SES answered HTTP 500 (InternalFailure).');
      expect(error?.reason).toBe('server-error');
      expect(server.requests()).toBe(SES_MAX_ATTEMPTS);
      expect(elapsedMs).toBeLessThan(4_000);
    } finally {
      await server.close();
    }
  });
});

describe('classifyDeliveryFailure', () => {
  const http = (status: number, name: string) => Object.assign(new Error('x'), { name, $metadata: { httpStatusCode: status } });

  it.each([
    [Object.assign(new Error('x'), { name: 'TimeoutError' }), 'timeout'],
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }), 'unreachable'],
    [http(400, 'Throttling'), 'throttled'],
    [http(400, 'MessageRejected'), 'rejected'],
    [http(403, 'AccessDeniedException'), 'rejected'],
    [http(503, 'ServiceUnavailable'), 'server-error'],
    [new Error('?'), 'other'],
  ])('classifies %s as %s', (error, reason) => {
    expect(classifyDeliveryFailure(error, 3_500).reason).toBe(reason);
  });

  it('never quotes the message SES sent', () => {
    const error = Object.assign(new Error('Email address is not verified: jane@example.com'), { name: 'MessageRejected', $metadata: { httpStatusCode: 400 } });
    expect(classifyDeliveryFailure(error, 3_500).detail).toBe('SES answered HTTP 400 (MessageRejected)');
  });
});
