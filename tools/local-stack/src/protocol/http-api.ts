import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AccessDeniedException, CognitoServiceError, InternalErrorException, SerializationException, UnknownOperationException } from '../errors';
import { errorHeaders } from './error-headers';
import { isAdminFromBrowser, isLoopbackOrigin, refusalOf } from './loopback-guard';
import type { Operation } from './operation-table';

/** Bodies past this get a 413 and a closed connection, as an API front door does. */
export const MAX_BODY_BYTES = 1024 * 1024;
const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

export interface HttpApiOptions {
  readonly operations: ReadonlyMap<string, Operation>;
  readonly userPoolId: string;
  readonly issuer: string;
  readonly jwks: object;
  /** One line per request (operation, status, error type, time): never bodies. */
  readonly log?: ((line: string) => void) | undefined;
}

type BodyResult = { readonly kind: 'body'; readonly bytes: Buffer } | { readonly kind: 'too-large' } | { readonly kind: 'aborted' };

/**
 * The user pool's HTTP front: AWS JSON 1.1 on `POST /` dispatched on
 * `X-Amz-Target`, errors as HTTP 400 `{"__type", "message"}`, the JWKS and
 * OpenID configuration under `/<userPoolId>/.well-known/`, and CORS so that
 * a browser app on another local port can call it. Only loopback hosts and
 * loopback pages are served (protocol/loopback-guard.ts).
 */
export function createHttpApi(options: HttpApiOptions): (request: IncomingMessage, response: ServerResponse) => void {
  const wellKnown = wellKnownDocuments(options);
  return (request, response) => {
    const started = process.hrtime.bigint();
    const refusal = refusalOf(request.headers);
    if (refusal !== undefined) {
      request.resume();
      sendJson(response, 403, { __type: 'AccessDeniedException', message: refusal });
      return;
    }
    allowLoopbackOrigin(request, response);
    if (request.method === 'OPTIONS') {
      answerPreflight(request, response);
      return;
    }
    if (request.method === 'GET' || request.method === 'HEAD') {
      const path = (request.url ?? '/').split('?')[0] ?? '/';
      const document = wellKnown.get(path) ?? (path === '/health' ? { status: 'ok' } : undefined);
      if (document === undefined) sendJson(response, 404, { message: `Not found: ${path}` });
      else sendJson(response, 200, document);
      return;
    }
    if (request.method !== 'POST') {
      sendJson(response, 405, { __type: 'UnknownOperationException', message: `Method ${request.method} is not supported` });
      return;
    }
    void readBody(request).then(async (body) => {
      if (body.kind === 'aborted') return;
      const target = String(request.headers['x-amz-target'] ?? '');
      const name = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target || '-';
      const status = await answer(options.operations, target, body, response, isAdminFromBrowser(name, request.headers));
      const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
      options.log?.(`${name} ${status.code}${status.type ? ` ${status.type}` : ''} ${milliseconds.toFixed(1)}ms`);
    });
  };
}

/** What `GET` serves: a description at `/`, the JWKS and the OpenID configuration. */
function wellKnownDocuments(options: HttpApiOptions): ReadonlyMap<string, object> {
  return new Map<string, object>([
    [
      '/',
      {
        service: 'Local Cognito user pool endpoint (tools/local-stack)',
        api: 'POST / with X-Amz-Target: AWSCognitoIdentityProviderService.<Operation> (AWS JSON 1.1)',
        userPoolId: options.userPoolId,
        jwksUri: `${options.issuer}/.well-known/jwks.json`,
      },
    ],
    [`/${options.userPoolId}/.well-known/jwks.json`, options.jwks],
    [
      `/${options.userPoolId}/.well-known/openid-configuration`,
      {
        issuer: options.issuer,
        jwks_uri: `${options.issuer}/.well-known/jwks.json`,
        id_token_signing_alg_values_supported: ['RS256'],
        subject_types_supported: ['public'],
        response_types_supported: ['code', 'token'],
      },
    ],
  ]);
}

/** CORS for a page served from this machine (the guard has refused every other origin). */
function allowLoopbackOrigin(request: IncomingMessage, response: ServerResponse): void {
  const origin = request.headers.origin;
  response.setHeader('vary', 'origin');
  if (origin !== undefined && isLoopbackOrigin(origin)) {
    response.setHeader('access-control-allow-origin', origin);
    response.setHeader('access-control-expose-headers', 'x-amzn-requestid, x-amzn-errortype, x-amzn-errormessage, date');
  }
}

function answerPreflight(request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(204, {
    'access-control-allow-methods': 'POST, GET, OPTIONS',
    'access-control-allow-headers': request.headers['access-control-request-headers'] ?? 'content-type, x-amz-target, x-amz-user-agent',
    'access-control-max-age': '86400',
  });
  response.end();
}

async function answer(
  operations: ReadonlyMap<string, Operation>,
  target: string,
  body: Exclude<BodyResult, { kind: 'aborted' }>,
  response: ServerResponse,
  adminFromBrowser: boolean,
): Promise<{ code: number; type?: string }> {
  if (body.kind === 'too-large') {
    response.setHeader('connection', 'close');
    sendJson(response, 413, { __type: 'RequestEntityTooLargeException', message: `Request body is larger than ${MAX_BODY_BYTES} bytes` });
    response.once('finish', () => response.socket?.destroy());
    return { code: 413, type: 'RequestEntityTooLargeException' };
  }
  try {
    const result = await dispatch(operations, target, body.bytes, adminFromBrowser);
    sendJson(response, 200, result);
    return { code: 200 };
  } catch (error) {
    const known = error instanceof CognitoServiceError ? error : internalError(error);
    sendJson(response, known.httpStatus, { __type: known.type, message: known.message });
    return { code: known.httpStatus, type: known.type };
  }
}

/** Finds the operation named by `X-Amz-Target`, reads the JSON body and runs it. */
async function dispatch(operations: ReadonlyMap<string, Operation>, target: string, bytes: Buffer, adminFromBrowser: boolean): Promise<object> {
  const operation = target.startsWith(TARGET_PREFIX) ? operations.get(target.slice(TARGET_PREFIX.length)) : undefined;
  if (operation === undefined) {
    throw new UnknownOperationException(target === '' ? 'Missing X-Amz-Target header' : `Unknown operation ${target}`);
  }
  if (adminFromBrowser) {
    throw new AccessDeniedException('Admin operations are not accepted from a web page (the request has an Origin header).');
  }
  let input: unknown;
  try {
    input = JSON.parse(bytes.length === 0 ? '{}' : bytes.toString('utf8'));
  } catch (cause) {
    throw new SerializationException('Request body is not valid JSON', { cause });
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new SerializationException('Request body must be a JSON object');
  }
  return operation(input);
}

/** A bug of the stack: logged here in full, answered with nothing of it. */
function internalError(error: unknown): InternalErrorException {
  process.stderr.write(`[cognito] internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return new InternalErrorException('Internal error in the local stack', { cause: error });
}

function readBody(request: IncomingMessage): Promise<BodyResult> {
  return new Promise((resolve) => {
    if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      request.resume();
      resolve({ kind: 'too-large' });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        request.off('data', onData);
        request.resume();
        resolve({ kind: 'too-large' });
      } else {
        chunks.push(chunk);
      }
    };
    request.on('data', onData);
    request.on('end', () => resolve({ kind: 'body', bytes: Buffer.concat(chunks, size) }));
    request.on('error', () => resolve({ kind: 'aborted' }));
  });
}

function sendJson(response: ServerResponse, status: number, body: object): void {
  if (response.headersSent) return;
  const payload = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': JSON_CONTENT_TYPE,
    'content-length': Buffer.byteLength(payload),
    'x-amzn-requestid': randomUUID(),
    ...errorHeaders(body),
  });
  response.end(payload);
}
