import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from './test-stack';

/** The bundle `npm start` runs (built by the `build` target the test target depends on). */
export const MAIN_BUNDLE = join(WORKSPACE_ROOT, 'dist', 'tools', 'local-stack', 'main.mjs');

export interface CliProcess {
  readonly child: ChildProcess;
  /** The process group: the CLI leads its own, as `npm start` in a terminal does. */
  readonly pgid: number;
  readonly output: { stdout: string; stderr: string };
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs `node dist/tools/local-stack/main.mjs` in its own process group with the given variables (and Node options first). */
export function runCli(env: Record<string, string>, nodeArguments: readonly string[] = []): CliProcess {
  const child = spawn(process.execPath, [...nodeArguments, MAIN_BUNDLE], {
    cwd: WORKSPACE_ROOT,
    env: { ...process.env, LOCAL_COGNITO_PORT: '0', LOCAL_SES_PORT: '0', LOCAL_WEB_PORT: '0', LOCAL_DYNAMODB_PORT: '0', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout!.setEncoding('utf8').on('data', (text: string) => (output.stdout += text));
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (output.stderr += text));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, pgid: child.pid!, output, exited };
}

/** Waits for `file` to exist (the stack's ready signal), failing early if the process exits. */
export async function waitForFile(file: string, cli: CliProcess, timeoutMs = 20_000): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void cli.exited.then(() => (exited = true));
  while (!existsSync(file)) {
    if (exited) throw new Error(`the stack exited before writing ${file}:\n${cli.output.stderr}`);
    if (Date.now() > deadline) throw new Error(`no ${file} after ${timeoutMs} ms:\n${cli.output.stdout}\n${cli.output.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * True while any process of the group is alive. Zombies do not count: an
 * exited orphan stays one until init reaps it, which on some machines takes a
 * second or more.
 */
export function groupAlive(pgid: number): boolean {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    // Fields after the command name: state, ppid, pgrp, ...
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z') return true;
  }
  return false;
}

/** Resolves with the milliseconds until the whole group is gone, or rejects after `timeoutMs`. */
export async function waitForGroupExit(pgid: number, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (groupAlive(pgid)) {
    if (Date.now() - started > timeoutMs) throw new Error(`process group ${pgid} still alive after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return Date.now() - started;
}

/** Kills what is left of a group (test clean-up only). */
export function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** True when something accepts TCP connections on 127.0.0.1:`port`. */
export function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
