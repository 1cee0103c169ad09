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

const INJECTED_FAILURE =
  '<ErrorResponse><Error><Type>Receiver</Type><Code>InternalFailure</Code><Message>injected</Message></Error></ErrorResponse>';

/** Passes one request on to the real sink and its answer back. */
function forward(target: URL, incoming: IncomingMessage, outgoing: ServerResponse): void {
  const forwarded = request(
    { host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
    (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    },
  );
  // The sink failing reaches the client as what it is: a dropped connection.
  forwarded.on('error', () => outgoing.destroy());
  incoming.pipe(forwarded);
  incoming.resume();
}

/** A loopback server on `port` that can be closed (every connection dropped) and opened again. */
class Listener {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  constructor(private readonly handle: (incoming: IncomingMessage, outgoing: ServerResponse) => void) {}

  async listen(port: number): Promise<number> {
    const server = createServer(this.handle);
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  }

  /** Ends the requests in flight: their clients see the connection drop. */
  dropConnections(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  async close(): Promise<void> {
    const closing = this.server;
    this.server = undefined;
    if (!closing) return;
    this.dropConnections();
    await new Promise((resolve) => closing.close(resolve));
  }
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
  const target = new URL(targetEndpoint);
  const listener = new Listener((incoming, outgoing) => {
    if (mode === 'silent') return; // keeps the socket open and says nothing
    if (mode === 'error') {
      incoming.resume();
      outgoing.writeHead(500, { 'content-type': 'text/xml' });
      outgoing.end(INJECTED_FAILURE);
      return;
    }
    if (latencyMs > 0) {
      incoming.pause();
      setTimeout(() => forward(target, incoming, outgoing), latencyMs);
      return;
    }
    forward(target, incoming, outgoing);
  });
  const port = await listener.listen(0);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async setMode(next) {
      if (next === 'down' && mode !== 'down') await listener.close();
      if (next !== 'down' && mode === 'down') await listener.listen(port);
      // Requests left hanging in silent mode fail now rather than linger.
      if (mode === 'silent' && next !== 'silent') listener.dropConnections();
      mode = next;
    },
    setLatency(ms) {
      latencyMs = ms;
    },
    stop: () => listener.close(),
  };
}
