import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** How the switch answers: pass to the real sink, refuse connections, never answer, or answer HTTP 500. */
export type SesSwitchMode = 'up' | 'down' | 'silent' | 'error';

export interface SesSwitch {
  /** Stable for the switch's life, whatever the mode: give it to the stack as its SES endpoint. */
  readonly endpoint: string;
  setMode(mode: SesSwitchMode): Promise<void>;
  /** In mode "up", hold each request this long before passing it on (SES's own latency, for timing tests). */
  setLatency(ms: number): void;
  stop(): Promise<void>;
}

/**
 * An SES endpoint that can fail on command, in front of a real sink: for
 * tests of a stack whose SES goes down, hangs or fails, and then comes back.
 * "down" closes the listening socket (connections are refused), and "up"
 * listens again on the same port.
 */
export async function startSesSwitch(targetEndpoint: string): Promise<SesSwitch> {
  let mode: SesSwitchMode = 'up';
  let latencyMs = 0;
  const sockets = new Set<Socket>();
  const target = new URL(targetEndpoint);
  const handle = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    if (mode === 'silent') return; // keeps the socket open and says nothing
    if (mode === 'error') {
      incoming.resume();
      outgoing.writeHead(500, { 'content-type': 'text/xml' });
      outgoing.end('<ErrorResponse><Error><Type>Receiver</Type><Code>InternalFailure</Code><Message>injected</Message></Error></ErrorResponse>');
      return;
    }
    if (latencyMs > 0) {
      incoming.pause();
      setTimeout(() => forward(incoming, outgoing), latencyMs);
      return;
    }
    forward(incoming, outgoing);
  };
  const forward = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const forwarded = request(
      { host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', () => outgoing.destroy());
    incoming.pipe(forwarded);
    incoming.resume();
  };
  let server: Server | undefined;
  const listen = async (port: number): Promise<number> => {
    server = createServer(handle);
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => server!.once('error', reject).listen(port, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  };
  const close = async () => {
    const closing = server;
    server = undefined;
    if (!closing) return;
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => closing.close(resolve));
  };
  const port = await listen(0);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async setMode(next) {
      if (next === 'down' && mode !== 'down') await close();
      if (next !== 'down' && mode === 'down') await listen(port);
      // Requests left hanging in silent mode fail now rather than linger.
      if (mode === 'silent' && next !== 'silent') for (const socket of sockets) socket.destroy();
      mode = next;
    },
    setLatency(ms) {
      latencyMs = ms;
    },
    stop: close,
  };
}
