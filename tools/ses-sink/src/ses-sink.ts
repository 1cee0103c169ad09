import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

/** One message as aws-ses-v2-local stores it (the fields our tests read). */
export interface CapturedEmail {
  readonly messageId: string;
  readonly from: string;
  readonly destination: { readonly to: string[]; readonly cc: string[]; readonly bcc: string[] };
  readonly subject: string;
  readonly body: { readonly text?: string; readonly html?: string };
  /** Epoch seconds. */
  readonly at: number;
}

export interface SesSink {
  /** `http://127.0.0.1:<port>`: the value for AWS_ENDPOINT_URL_SES. */
  readonly endpoint: string;
  readonly port: number;
  /** Every email captured so far, oldest first. */
  emails(): Promise<CapturedEmail[]>;
  clear(): Promise<void>;
  stop(): Promise<void>;
}

export interface SesSinkOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly host?: string;
  /** How long to wait for the server to listen. */
  readonly startTimeoutMs?: number;
}

const SERVER_SCRIPT = String.raw`
const [host, port] = [process.argv[1], Number(process.argv[2])];
const fail = (error) => { process.stderr.write('aws-ses-v2-local could not listen on ' + host + ':' + port + ': ' + (error && error.code || error) + '\n'); process.exit(1); };
// The library swallows listen errors, so bind the port once ourselves to learn why it is refused.
const probe = require('node:net').createServer().once('error', fail);
probe.listen(port, host, () => probe.close(() => {
  require('aws-ses-v2-local').default({ host, port }).then((s) => {
    if (!s.listening) fail('listen failed');
    process.stdout.write('listening ' + s.address().port + '\n');
  }, fail);
}));
`;

/**
 * aws-ses-v2-local in a child process of its own, so that each sink has its
 * own store and stopping it frees its port. It accepts SES v1 and v2 sends
 * (any fake credentials) and shows what it caught at GET /store and GET /.
 */
export async function startSesSink(options: SesSinkOptions = {}): Promise<SesSink> {
  const host = options.host ?? '127.0.0.1';
  const child: ChildProcess = spawn(process.execPath, ['-e', SERVER_SCRIPT, host, String(options.port ?? 0)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env['PATH'] ?? '' },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('aws-ses-v2-local did not start in time')), options.startTimeoutMs ?? 10_000);
    lines.on('line', (line) => {
      const match = /^listening (\d+)$/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`aws-ses-v2-local exited (code ${code}) before listening: ${stderr.trim()}`));
    });
  });
  const endpoint = `http://${host}:${port}`;
  return {
    endpoint,
    port,
    async emails() {
      const response = await fetch(`${endpoint}/store`);
      const store = (await response.json()) as { emails: CapturedEmail[] };
      return store.emails;
    },
    async clear() {
      await fetch(`${endpoint}/clear-store`, { method: 'POST' });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
