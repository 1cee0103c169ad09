/** Stand-ins for a DynamoDB endpoint that misbehaves, for fault tests. Loopback only. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DynamoDbFaultServer {
  readonly endpoint: string;
  /** Requests received so far. */
  requests(): number;
  close(): Promise<void>;
}

/**
 * Answers every DynamoDB call with the JSON error DynamoDB sends: status 400
 * and `ThrottlingException` by default (or `ResourceNotFoundException` for a
 * missing table, `AccessDeniedException`, ...), optionally after `delayMs`.
 */
export async function dynamoDbErrorServer(errorType = 'ThrottlingException', options: { status?: number; delayMs?: number } = {}): Promise<DynamoDbFaultServer> {
  let requests = 0;
  const pending = new Set<NodeJS.Timeout>();
  const server = createServer((request, response) => {
    requests++;
    request.resume();
    const timer = setTimeout(() => {
      pending.delete(timer);
      response.writeHead(options.status ?? 400, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-errortype': errorType });
      response.end(JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${errorType}`, message: 'injected' }));
    }, options.delayMs ?? 0);
    pending.add(timer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    close: () => {
      for (const timer of pending) clearTimeout(timer);
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
