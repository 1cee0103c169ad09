import { SendEmailCommand, SESClient } from '@aws-sdk/client-ses';
import { startSesSink, startSesSwitch, type SesSink, type SesSwitch } from '../src';

const send = (endpoint: string) =>
  new SESClient({ region: 'us-east-1', endpoint, maxAttempts: 1, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }).send(
    new SendEmailCommand({ Source: 'a@example.com', Destination: { ToAddresses: ['b@example.com'] }, Message: { Subject: { Data: 's' }, Body: { Text: { Data: 't' } } } }),
    { abortSignal: AbortSignal.timeout(1_000) },
  );

describe('startSesSwitch', () => {
  let sink: SesSink;
  let ses: SesSwitch;
  beforeAll(async () => {
    sink = await startSesSink();
    ses = await startSesSwitch(sink.endpoint);
  });
  afterAll(async () => {
    await ses?.stop();
    await sink?.stop();
  });

  it('passes mail to the sink when up', async () => {
    await send(ses.endpoint);
    expect(await sink.emails()).toHaveLength(1);
  });

  it('refuses connections when down, and serves again when up on the same port', async () => {
    await ses.setMode('down');
    await expect(send(ses.endpoint)).rejects.toMatchObject({ message: expect.stringMatching(/ECONNREFUSED/) });
    await ses.setMode('up');
    await send(ses.endpoint);
    expect(await sink.emails()).toHaveLength(2);
  });

  it('answers 500 in error mode and nothing in silent mode', async () => {
    await ses.setMode('error');
    await expect(send(ses.endpoint)).rejects.toMatchObject({ $metadata: { httpStatusCode: 500 } });
    await ses.setMode('silent');
    await expect(send(ses.endpoint)).rejects.toThrow();
    await ses.setMode('up');
    expect(await sink.emails()).toHaveLength(2);
  });

  it('holds each request for the set latency before passing it on', async () => {
    ses.setLatency(150);
    const before = (await sink.emails()).length;
    const started = Date.now();
    try {
      await send(ses.endpoint);
    } finally {
      ses.setLatency(0);
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(await sink.emails()).toHaveLength(before + 1);
  });
});
