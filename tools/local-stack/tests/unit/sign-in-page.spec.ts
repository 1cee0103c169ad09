import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSignInPageHandler } from '../../src/stack/sign-in-page';

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

describe('createSignInPageHandler', () => {
  let folder: string;
  let server: Server;
  let port: number;

  /** A request with the path sent as is (fetch would normalise `..` away). */
  const send = (path: string, method = 'GET') =>
    new Promise<Answer>((resolve, reject) => {
      request({ host: '127.0.0.1', port, path, method }, (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      })
        .on('error', reject)
        .end();
    });

  const serve = async (root: string) => {
    const handler = createSignInPageHandler({
      root,
      cognitoEndpoint: 'http://127.0.0.1:9229',
      documents: new Map([['local-config.json', '{"signInFlow":"passwordless"}\n']]),
    });
    server = createServer(handler);
    port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
  };

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'sign-in-page-'));
    mkdirSync(join(folder, 'page'));
    writeFileSync(join(folder, 'page', 'index.html'), '<!doctype html><title>page</title>');
    writeFileSync(join(folder, 'page', 'styles.css'), 'body { margin: 0 }');
    writeFileSync(join(folder, 'secret.txt'), 'outside the page folder');
  });
  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve));
    rmSync(folder, { recursive: true, force: true });
  });

  it('serves index.html for / and files by their extension', async () => {
    await serve(join(folder, 'page'));

    const [page, styles] = await Promise.all([send('/'), send('/styles.css?v=1')]);

    expect(page).toMatchObject({ status: 200, body: '<!doctype html><title>page</title>' });
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(styles.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('serves the documents it was given ahead of files', async () => {
    await serve(join(folder, 'page'));

    const config = await send('/local-config.json');

    expect(config).toMatchObject({ status: 200, body: '{"signInFlow":"passwordless"}\n' });
    expect(config.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/page/../../secret.txt', '/%00', '/%E0%A4%A'])(
    'never serves anything outside the page folder: %s',
    async (path) => {
      await serve(join(folder, 'page'));

      const answer = await send(path);

      expect([400, 404]).toContain(answer.status);
      expect(answer.body).not.toContain('outside the page folder');
    },
  );

  it('answers 404 for a folder or a missing file', async () => {
    await serve(folder);

    expect((await send('/page')).status).toBe(404);
    expect((await send('/nothing.js')).status).toBe(404);
  });

  it('says how to build the page when it is not built', async () => {
    await serve(join(folder, 'not-built'));

    const answer = await send('/');

    expect(answer.status).toBe(404);
    expect(answer.body).toContain('npx nx run sign-in-web:build');
  });

  it('answers HEAD without a body, and refuses other methods with 405', async () => {
    await serve(join(folder, 'page'));

    const [head, post] = await Promise.all([send('/', 'HEAD'), send('/', 'POST')]);

    expect(head).toMatchObject({ status: 200, body: '' });
    expect(head.headers['content-length']).toBe(String('<!doctype html><title>page</title>'.length));
    expect(post.status).toBe(405);
    expect(post.headers['allow']).toBe('GET, HEAD');
  });
});
