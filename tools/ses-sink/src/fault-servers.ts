/** Stand-ins for an SES endpoint that misbehaves, for fault tests. Loopback only. */
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer } from 'node:net';

export interface FaultServer {
  readonly endpoint: string;
  close(): Promise<void>;
}

const listen = async (server: Server | TcpServer): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

/** Accepts connections and never answers. */
export async function silentServer(): Promise<FaultServer> {
  const sockets = new Set<import('node:net').Socket>();
  const server = createTcpServer((socket) => sockets.add(socket));
  const endpoint = await listen(server);
  return {
    endpoint,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Answers every request with an SES-style HTTP 500. */
export async function failingServer(status = 500): Promise<FaultServer & { requests: () => number }> {
  let requests = 0;
  const server = createServer((request, response) => {
    requests++;
    request.resume();
    response.writeHead(status, { 'content-type': 'text/xml' });
    response.end('<ErrorResponse><Error><Type>Receiver</Type><Code>InternalFailure</Code><Message>boom</Message></Error></ErrorResponse>');
  });
  const endpoint = await listen(server);
  return { endpoint, requests: () => requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A loopback address where nothing listens. */
export async function closedPort(): Promise<string> {
  const server = createTcpServer();
  const endpoint = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return endpoint;
}
