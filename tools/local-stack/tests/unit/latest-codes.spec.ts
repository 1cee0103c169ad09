import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSignInPageHandler } from '../../src/stack/sign-in-page';

describe('live documents of the sign-in page server (the latest codes)', () => {
  let server: Server;
  let port: number;
  let make: () => Promise<string>;

  const get = (path: string, host?: string) =>
    new Promise<{ status: number; type: string | undefined; body: string }>((resolve, reject) => {
      request({ host: '127.0.0.1', port, path, headers: host === undefined ? {} : { host } }, (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, type: response.headers['content-type'], body }));
      })
        .on('error', reject)
        .end();
    });

  beforeEach(async () => {
    make = async () => '{"codes":[]}\n';
    const handler = createSignInPageHandler({
      root: __dirname,
      cognitoEndpoint: 'http://127.0.0.1:9229',
      documents: new Map(),
      liveDocuments: new Map([['local-codes.json', () => make()]]),
    });
    server = createServer(handler);
    port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
  });
  afterEach(() => new Promise((resolve) => server.close(resolve)));

  it('makes the document at each request', async () => {
    const first = await get('/local-codes.json');
    make = async () => '{"codes":[{"codes":["123456"]}]}\n';
    const second = await get('/local-codes.json');

    expect(first).toEqual({ status: 200, type: 'application/json; charset=utf-8', body: '{"codes":[]}\n' });
    expect(second.body).toContain('123456');
  });

  it('answers it to requests for localhost too, and to no other host name (DNS rebinding)', async () => {
    expect((await get('/local-codes.json', `localhost:${port}`)).status).toBe(200);
    expect(await get('/local-codes.json', `attacker.example:${port}`)).toMatchObject({ status: 403 });
  });

  it('says the SES sink could not be read rather than failing silently', async () => {
    make = () => Promise.reject(new Error('fetch failed'));

    expect(await get('/local-codes.json')).toMatchObject({ status: 502, body: 'Could not read the SES sink: fetch failed\n' });
  });
});
