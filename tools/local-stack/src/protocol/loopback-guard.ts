import type { IncomingHttpHeaders } from 'node:http';

/** The names of this machine: the only hosts and origins the stack answers. */
const LOOPBACK_HOSTNAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A `Host` header naming this machine: a loopback name and an optional port, nothing else. */
const LOOPBACK_HOST = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?$/i;

/** True for `127.0.0.1`, `localhost` and `[::1]`, with or without a port. */
export function isLoopbackHost(host: string | undefined): boolean {
  return host !== undefined && LOOPBACK_HOST.test(host);
}

/** True for an `http(s)://` origin on a loopback name, any port: a page served from this machine. */
export function isLoopbackOrigin(origin: string): boolean {
  const url = parseUrl(origin);
  return url !== undefined && (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === origin && LOOPBACK_HOSTNAMES.has(url.hostname);
}

/**
 * Why a request is refused before any operation runs, or undefined to serve
 * it. A web page the developer opens elsewhere must not drive the stack:
 * - a `Host` that is not a loopback name is a DNS rebinding attempt (a
 *   public name that resolves to 127.0.0.1) or a misrouted request;
 * - an `Origin` that is not a loopback page is another site's script.
 * Requests without `Origin` (SDKs, curl, tests) pass the origin check.
 */
export function refusalOf(headers: IncomingHttpHeaders): string | undefined {
  if (!isLoopbackHost(headers.host)) return 'The local stack answers only requests addressed to 127.0.0.1, localhost or [::1].';
  const origin = headers.origin;
  if (origin !== undefined && !isLoopbackOrigin(origin)) return 'The local stack answers only web pages served from 127.0.0.1, localhost or [::1].';
  return undefined;
}

/** Admin operations act for an administrator: a browser page (anything that sends `Origin`) never may. */
export function isAdminFromBrowser(operationName: string, headers: IncomingHttpHeaders): boolean {
  return operationName.startsWith('Admin') && headers.origin !== undefined;
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    // Not a URL at all: as foreign as any other origin, and the caller refuses it.
    return undefined;
  }
}
