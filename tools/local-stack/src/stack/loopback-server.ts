import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PortInUseError } from '../errors';

export const LOOPBACK = '127.0.0.1';
/** How long `close()` lets requests in flight finish before cutting their connections. */
const DRAIN_MS = 1500;
const REQUEST_TIMEOUT_MS = 30_000;

/** An HTTP server on 127.0.0.1 that listens before it has its handler, and answers `whileStarting` until then. */
export interface LoopbackServer {
  /** The port it listens on (the one asked for, or the free one picked for 0). */
  readonly port: number;
  /** From now on every request goes to `listener`. */
  wire(listener: RequestListener): void;
  /**
   * Stops accepting, lets requests in flight finish for a moment, then cuts
   * what is left. Idempotent: later calls resolve once the first is done.
   */
  close(): Promise<void>;
}

/**
 * Listens on `port` of 127.0.0.1 (0 picks a free one) right away, so ports
 * are taken, and known, before what serves them is ready. A port in use is
 * a `PortInUseError` naming `variable`.
 */
export async function listenOnLoopback(port: number, variable: string, whileStarting: RequestListener): Promise<LoopbackServer> {
  let handler = whileStarting;
  const server = createServer({ requestTimeout: REQUEST_TIMEOUT_MS }, (request, response) => handler(request, response));
  const listening = await listen(server, port, variable);
  let closing: Promise<void> | undefined;
  return {
    port: listening,
    wire: (listener) => (handler = listener),
    close: () => {
      // A later call waits for the first; a failure is reported once, to the first caller, not once per call.
      if (closing !== undefined) return closing.catch(() => undefined);
      closing = closeServer(server);
      return closing;
    },
  };
}

function listen(server: Server, port: number, variable: string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, variable, { cause: error }) : error);
    };
    server.once('error', onError);
    server.listen(port, LOOPBACK, () => {
      server.off('error', onError);
      resolvePort((server.address() as AddressInfo).port);
    });
  });
}

async function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolveClosed, reject) => server.close((error) => (error === undefined ? resolveClosed() : reject(error))));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
  try {
    await closed;
  } finally {
    clearTimeout(timer);
  }
}
