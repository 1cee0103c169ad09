import { SendEmailCommand, SESClient } from '@aws-sdk/client-ses';
import { createServer } from 'node:net';
import { startSesSink, type SesSink } from '../src';

const client = (endpoint: string) =>
  new SESClient({ region: 'us-east-1', endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

describe('startSesSink', () => {
  let sink: SesSink;
  beforeEach(async () => {
    sink = await startSesSink();
  });
  afterEach(() => sink?.stop());

  it('captures an SES v1 SendEmail on a free loopback port', async () => {
    await client(sink.endpoint).send(
      new SendEmailCommand({
        Source: 'sign-in@example.com',
        Destination: { ToAddresses: ['jane@example.com'] },
        Message: { Subject: { Data: 'Hello' }, Body: { Text: { Data: 'Body 123456' } } },
      }),
    );

    const emails = await sink.emails();

    expect(sink.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ from: 'sign-in@example.com', subject: 'Hello', destination: { to: ['jane@example.com'] } });
  });

  it('clears its store', async () => {
    await client(sink.endpoint).send(
      new SendEmailCommand({ Source: 'a@example.com', Destination: { ToAddresses: ['b@example.com'] }, Message: { Subject: { Data: 's' }, Body: { Text: { Data: 't' } } } }),
    );
    await sink.clear();
    expect(await sink.emails()).toEqual([]);
  });

  it('frees its port when stopped', async () => {
    const { port } = sink;
    await sink.stop();
    const server = createServer();
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
    await new Promise((resolve) => server.close(resolve));
  });

  it('reports a taken port with its error code', async () => {
    await expect(startSesSink({ port: sink.port })).rejects.toMatchObject({ name: 'SesSinkStartError', code: 'EADDRINUSE' });
  });
});
