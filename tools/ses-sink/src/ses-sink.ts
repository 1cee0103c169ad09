import { spawn } from 'node:child_process';
import { readMailStore } from './mail-store';

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
  /** `http://127.0.0.1:<port>`: the SES API (AWS_ENDPOINT_URL_SES), the mail viewer (`/`) and the store (`/store`). */
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
  /** Where to resolve `aws-ses-v2-local` from; the workspace by default. */
  readonly cwd?: string;
  readonly startTimeoutMs?: number;
  /** Receives what the sink prints. */
  readonly onLogLine?: (line: string) => void;
}

/** The sink could not listen; `code` is the system error (EADDRINUSE, EACCES, ...) when there is one. */
export class SesSinkStartError extends Error {
  override readonly name = 'SesSinkStartError';

  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/**
 * Runs in the sink's own process: starts aws-ses-v2-local and reports the
 * bound port, or the bind error, over IPC. The library swallows bind errors,
 * so a failed bind is probed again with `net` to learn its code. The sink
 * exits with its parent: on the IPC channel's disconnect, which a `kill -9`
 * of the parent causes too.
 */
const SINK_SOURCE = String.raw`
const net = require('node:net');
const host = process.argv[1];
const port = Number(process.argv[2]);
process.on('disconnect', () => process.exit(0));
const fail = (code, message) => process.send({ type: 'error', code, message }, () => process.exit(1));
require('aws-ses-v2-local').default({ host, port }).then((server) => {
  if (server.listening) {
    process.send({ type: 'listening', port: server.address().port });
    return;
  }
  const probe = net.createServer();
  probe.once('error', (error) => fail(error.code, error.message));
  probe.listen(port, host, () => probe.close(() => fail(undefined, 'aws-ses-v2-local did not start listening')));
}, (error) => fail(error && error.code, String(error && error.message)));
`;

interface SinkMessage {
  readonly type: 'listening' | 'error';
  readonly port?: number;
  readonly code?: string;
  readonly message?: string;
}

/**
 * aws-ses-v2-local in a child process of its own, so that each sink has its
 * own store, stopping it frees its port, and it never outlives this process.
 * It accepts SES v1 and v2 sends (any fake credentials).
 */
export function startSesSink(options: SesSinkOptions = {}): Promise<SesSink> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 0;
  const timeoutMs = options.startTimeoutMs ?? 15_000;
  const child = spawn(process.execPath, ['-e', SINK_SOURCE, host, String(port)], {
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    // SMTP_TRANSPORT would make the library relay mail onwards; a sink keeps it.
    env: { PATH: process.env['PATH'] ?? '', SMTP_TRANSPORT: '' },
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8').on('data', (text: string) => {
      for (const line of text.split('\n')) if (line.trim() !== '') options.onLogLine?.(line);
    });
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise<SesSink>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new SesSinkStartError(`aws-ses-v2-local did not start within ${timeoutMs / 1000} s`, undefined));
    }, timeoutMs);
    child.on('message', (message: SinkMessage) => {
      clearTimeout(timer);
      if (message.type === 'listening' && message.port !== undefined) {
        resolve(sinkAt(`http://${host}:${message.port}`, message.port, stop));
      } else {
        const reason = [message.code, message.message].filter(Boolean).join(': ');
        reject(new SesSinkStartError(`aws-ses-v2-local could not listen on ${host}:${port}: ${reason}`, message.code));
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new SesSinkStartError(`aws-ses-v2-local exited (${signal ?? `code ${code}`}) before listening`, undefined));
    });
  });
}

function sinkAt(endpoint: string, port: number, stop: () => Promise<void>): SesSink {
  return {
    endpoint,
    port,
    emails: () => readMailStore(endpoint),
    async clear() {
      await fetch(`${endpoint}/clear-store`, { method: 'POST' });
    },
    stop,
  };
}
