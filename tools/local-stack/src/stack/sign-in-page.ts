import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

/** What the page fetches next to itself to learn what the stack runs (beside `amplify_outputs.json`). */
export const LOCAL_CONFIG_FILE_NAME = 'local-config.json';

/** `local-config.json`: the stack facts a client configuration file has no key for. */
export interface LocalWebConfig {
  /** `SIGN_IN_FLOW` as handed to the define function (`passwordless` when unset). */
  readonly signInFlow: string;
  /** The SES sink's web page (`<sesEndpoint>/`). */
  readonly mailViewerUrl: string;
  /** Beside the page: the latest emailed codes (`local-codes.json`), for its local-only panel. */
  readonly latestCodesPath?: string;
}

export interface SignInPageOptions {
  /** The built page (`dist/tools/sign-in-web`). */
  readonly root: string;
  /** Documents served from memory at `/<name>`, ahead of files: the client configuration and `local-config.json`. */
  readonly documents: ReadonlyMap<string, string>;
  /** The only place the page may send requests to besides its own origin (its Content-Security-Policy). */
  readonly cognitoEndpoint: string;
  /**
   * Documents made at each request (the latest codes), served at `/<name>`
   * only to a request addressed to 127.0.0.1 or localhost, so a web page
   * reached through DNS rebinding cannot read them.
   */
  readonly liveDocuments?: ReadonlyMap<string, () => Promise<string>>;
}

export function defaultWebRoot(workspaceRoot: string): string {
  return join(workspaceRoot, 'dist', 'tools', 'sign-in-web');
}

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': JSON_CONTENT_TYPE,
  '.map': JSON_CONTENT_TYPE,
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * Serves the sign-in page (GET and HEAD only): static files from `root`, and
 * the stack's generated documents from memory, so the page always gets the
 * configuration of the stack that serves it, even one that writes no files.
 * Nothing is cached: a rebuilt page or a restarted stack shows at the next load.
 */
export function createSignInPageHandler(options: SignInPageOptions): (request: IncomingMessage, response: ServerResponse) => void {
  const root = resolve(options.root);
  const securityHeaders = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    // The page talks to itself and to the user pool endpoint, nothing else.
    'content-security-policy': [
      "default-src 'self'",
      `connect-src 'self' ${options.cognitoEndpoint}`,
      "img-src 'self' data:",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; '),
  };
  const send = (response: ServerResponse, status: number, contentType: string, body: string | Buffer, head: boolean) => {
    response.writeHead(status, { ...securityHeaders, 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
    response.end(head ? undefined : body);
  };

  return (request, response) => {
    const head = request.method === 'HEAD';
    if (request.method !== 'GET' && !head) {
      response.setHeader('allow', 'GET, HEAD');
      send(response, 405, 'text/plain; charset=utf-8', `Method ${request.method} is not allowed here\n`, false);
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      send(response, 400, 'text/plain; charset=utf-8', 'Malformed path\n', head);
      return;
    }
    const live = options.liveDocuments?.get(path.slice(1));
    if (live !== undefined) {
      serveLive(live, request, (status, body) => send(response, status, status === 200 ? JSON_CONTENT_TYPE : 'text/plain; charset=utf-8', body, head));
      return;
    }
    const document = options.documents.get(path.slice(1));
    if (document !== undefined) {
      send(response, 200, JSON_CONTENT_TYPE, document, head);
      return;
    }
    const file = resolve(root, `.${path.endsWith('/') ? `${path}index.html` : path}`);
    if (path.includes('\0') || !file.startsWith(root + sep)) {
      send(response, 404, 'text/plain; charset=utf-8', `Not found: ${path}\n`, head);
      return;
    }
    void readStaticFile(file).then(
      (contents) => {
        if (contents !== undefined) send(response, 200, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', contents, head);
        else if (path === '/') send(response, 404, 'text/plain; charset=utf-8', `The sign-in page is not built in ${root}: run \`npx nx run sign-in-web:build\` (npm start does).\n`, head);
        else send(response, 404, 'text/plain; charset=utf-8', `Not found: ${path}\n`, head);
      },
      () => send(response, 500, 'text/plain; charset=utf-8', 'Could not read the file\n', head),
    );
  };
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost']);

function serveLive(make: () => Promise<string>, request: IncomingMessage, answer: (status: number, body: string) => void): void {
  let hostname: string;
  try {
    hostname = new URL(`http://${request.headers.host ?? ''}`).hostname;
  } catch {
    // A Host header that is not a host name is not a loopback one either: refused below.
    hostname = '';
  }
  if (!LOOPBACK_HOSTS.has(hostname)) {
    answer(403, 'Only for requests to 127.0.0.1 or localhost\n');
    return;
  }
  make().then(
    (body) => answer(200, body),
    (error: unknown) => answer(502, `Could not read the SES sink: ${(error as Error).message}\n`),
  );
}

/** The file's bytes, or undefined where there is no such file (a 404); any other failure is thrown (a 500). */
async function readStaticFile(file: string): Promise<Buffer | undefined> {
  const info = await stat(file).catch((error: unknown) => {
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  });
  return info?.isFile() ? readFile(file) : undefined;
}
