import { spawn } from 'node:child_process';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ResourceInUseException } from '@aws-sdk/client-dynamodb';

export interface DynaliteServer {
  /** `http://127.0.0.1:<port>`: give it to the functions as AWS_ENDPOINT_URL_DYNAMODB. */
  readonly endpoint: string;
  readonly port: number;
  /** Creates the sign-in state table (`pk` string, no sort key) unless it exists. */
  createStateTable(tableName: string): Promise<void>;
  stop(): Promise<void>;
}

export interface DynaliteOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly host?: string;
  /** A folder for the LevelDB files; undefined (the default) keeps the tables in memory. */
  readonly path?: string | undefined;
  /** Where to resolve `dynalite` from; the workspace by default. */
  readonly cwd?: string;
  readonly startTimeoutMs?: number;
}

/** dynalite could not listen; `code` is the system error (EADDRINUSE, ...) when there is one. */
export class DynaliteStartError extends Error {
  override readonly name = 'DynaliteStartError';

  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/**
 * Runs in dynalite's own process: listens and reports the bound port or the
 * bind error over IPC, and exits with its parent (IPC disconnect). Tables are
 * created at once (dynalite otherwise mimics the seconds CreateTable takes).
 */
const SERVER_SOURCE = String.raw`
const [host, port, path] = [process.argv[1], Number(process.argv[2]), process.argv[3] || undefined];
process.on('disconnect', () => process.exit(0));
const server = require('dynalite')({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.once('error', (error) => process.send({ type: 'error', code: error.code, message: error.message }, () => process.exit(1)));
server.listen(port, host, () => process.send({ type: 'listening', port: server.address().port }));
`;

/** Fake credentials: dynalite checks that requests are signed, not by whom. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

/**
 * dynalite (a DynamoDB-compatible server on LevelDB, from npm) in a child
 * process of its own, so stopping it frees its port and its data folder, and
 * it never outlives this process. It has no TTL: the core treats items past
 * `expiresAt` as gone itself.
 */
export function startDynalite(options: DynaliteOptions = {}): Promise<DynaliteServer> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 0;
  const timeoutMs = options.startTimeoutMs ?? 15_000;
  const child = spawn(process.execPath, ['-e', SERVER_SOURCE, host, String(port), options.path ?? ''], {
    cwd: options.cwd,
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    env: { PATH: process.env['PATH'] ?? '' },
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr = (stderr + text).slice(-2000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise<DynaliteServer>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new DynaliteStartError(`dynalite did not start within ${timeoutMs / 1000} s`, undefined));
    }, timeoutMs);
    child.on('message', (message: { type: string; port?: number; code?: string; message?: string }) => {
      clearTimeout(timer);
      if (message.type === 'listening' && message.port !== undefined) {
        resolve(serverAt(`http://${host}:${message.port}`, message.port, stop));
      } else {
        const reason = [message.code, message.message].filter(Boolean).join(': ');
        reject(new DynaliteStartError(`dynalite could not listen on ${host}:${port}: ${reason}`, message.code));
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new DynaliteStartError(`dynalite exited (${signal ?? `code ${code}`}) before listening: ${stderr.trim().split('\n').at(-1) ?? ''}`, undefined));
    });
  });
}

function serverAt(endpoint: string, port: number, stop: () => Promise<void>): DynaliteServer {
  return {
    endpoint,
    port,
    async createStateTable(tableName) {
      const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS });
      try {
        await createTableUnlessItExists(client, tableName);
        await client.send(new DescribeTableCommand({ TableName: tableName }));
      } finally {
        client.destroy();
      }
    },
    stop,
  };
}

/** The state table as infra declares it: `pk` string, no sort key, on demand. */
async function createTableUnlessItExists(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
  } catch (error) {
    // A table that is already there (a kept data folder) is the table we want.
    if (!(error instanceof ResourceInUseException)) throw error;
  }
}
