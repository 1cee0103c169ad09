import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { LocalStackStartError, PortInUseError, startLocalStack } from '../../src';
import { failure, WORKSPACE_ROOT } from '../support/test-stack';

/** Listens on `port` of 127.0.0.1 (0: a free one); resolves with the server and its port. */
function occupy(port = 0): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address !== null ? address.port : -1 });
    });
  });
}

const release = (server: Server) => new Promise<void>((resolve, reject) => server.close((error) => (error === undefined ? resolve() : reject(error))));

/** Free ports for the four services, found by listening on 0 and letting go. */
async function freePorts(): Promise<{ cognitoPort: number; webPort: number; sesPort: number; dynamodbPort: number }> {
  const taken = await Promise.all([occupy(), occupy(), occupy(), occupy()]);
  await Promise.all(taken.map(({ server }) => release(server)));
  const [cognitoPort, webPort, sesPort, dynamodbPort] = taken.map(({ port }) => port) as [number, number, number, number];
  return { cognitoPort, webPort, sesPort, dynamodbPort };
}

/** Each port can be listened on again: whatever held it has stopped. */
async function expectReleased(ports: readonly number[]): Promise<void> {
  for (const port of ports) {
    const { server } = await occupy(port);
    await release(server);
  }
}

describe('starting in phases', () => {
  it('a phase that fails (a missing trigger bundle) stops every phase started before it, and its error is the one thrown', async () => {
    const ports = await freePorts();

    const error = await failure(
      startLocalStack({ workspaceRoot: WORKSPACE_ROOT, ...ports, bundles: { define: join(WORKSPACE_ROOT, 'no-such-folder', 'index.mjs') } }),
    );

    expect(error).toBeInstanceOf(LocalStackStartError);
    expect(error.message).toContain('no-such-folder');
    await expectReleased(Object.values(ports));
  });

  it('a port in use fails the start with PortInUseError once the services started beside it have stopped', async () => {
    const ports = await freePorts();
    const holder = await occupy(ports.cognitoPort);
    try {
      const error = await failure(startLocalStack({ workspaceRoot: WORKSPACE_ROOT, ...ports }));

      expect(error).toBeInstanceOf(PortInUseError);
      expect(error.message).toContain('LOCAL_COGNITO_PORT');
      await expectReleased([ports.webPort, ports.sesPort, ports.dynamodbPort]);
    } finally {
      await release(holder.server);
    }
  });

  it('stop is idempotent: a second call shares the first, and every port is released', async () => {
    const ports = await freePorts();
    const stack = await startLocalStack({ workspaceRoot: WORKSPACE_ROOT, ...ports });

    const first = stack.stop();
    const second = stack.stop();
    await first;

    expect(second).toBe(first);
    await expect(stack.stop()).resolves.toBeUndefined();
    await expectReleased(Object.values(ports));
  });
});
