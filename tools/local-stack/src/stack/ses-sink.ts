import { spawn } from 'node:child_process';
import { PortInUseError, LocalStackStartError } from '../errors';

/**
 * Runs in the sink's own process: starts aws-ses-v2-local and reports the
 * bound port (or the bind error) over IPC. aws-ses-v2-local's `listen`
 * callback swallows bind errors, so a failed bind is probed again with `net`
 * to learn its code. The sink exits with its parent: on the IPC channel's
 * disconnect, which a `kill -9` of the parent causes too.
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
  probe.listen(port, host, () => probe.close(() => fail('EUNKNOWN', 'aws-ses-v2-local did not start listening')));
}, (error) => fail(error && error.code, String(error && error.message)));
`;

export interface SesSink {
  /** `http://127.0.0.1:<port>`: the SES API, the mail viewer (`/`) and the captured mail (`/store`). */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

export interface SesSinkOptions {
  readonly host: string;
  readonly port: number;
  /** Folder to resolve `aws-ses-v2-local` from (the workspace root). */
  readonly cwd: string;
  readonly onLogLine?: ((line: string) => void) | undefined;
}

const START_TIMEOUT_MS = 15_000;

/** Starts aws-ses-v2-local in a child process on `host:port` (0: any free port). */
export function startSesSink(options: SesSinkOptions): Promise<SesSink> {
  const child = spawn(process.execPath, ['-e', SINK_SOURCE, options.host, String(options.port)], {
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: { ...process.env, SMTP_TRANSPORT: '' },
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
      reject(new LocalStackStartError(`The SES sink did not start within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    child.on('message', (message: { type: string; port?: number; code?: string; message?: string }) => {
      clearTimeout(timer);
      if (message.type === 'listening' && message.port !== undefined) {
        resolve({ url: `http://${options.host}:${message.port}`, port: message.port, stop });
      } else if (message.code === 'EADDRINUSE') {
        reject(new PortInUseError(options.port, 'LOCAL_SES_PORT'));
      } else {
        reject(new LocalStackStartError(`The SES sink failed to start: ${message.code ?? ''} ${message.message ?? ''}`.trim()));
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new LocalStackStartError(`The SES sink exited (${signal ?? `code ${code}`}) before listening`));
    });
  });
}
