import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OUTPUTS_FILE_NAME, readStackOutputs, type LocalStackOutputs } from '@cognito-passwordless/local-stack';

/** What the local stack writes to outputs.json. */
export type StackOutputs = LocalStackOutputs;

export interface StackProcess {
  readonly outputs: StackOutputs;
  readonly process: ChildProcess;
  /** Everything the stack printed (banner, request lines, trigger logs). */
  readonly output: string[];
  /** SIGTERM, and waits for the exit. */
  stop(): Promise<void>;
  /** SIGKILL, as a crash would: nothing gets to clean up. */
  kill(): Promise<void>;
}

export interface StackProcessOptions {
  readonly workspaceRoot: string;
  /** The stack's variables (LOCAL_DATA_DIR, SIGN_IN_FLOW, ...); every port defaults to a free one, data to memory. */
  readonly env?: Record<string, string>;
  readonly readyTimeoutMs?: number;
}

/**
 * The local stack as `npm start` runs it, in its own process
 * (`node dist/tools/local-stack/main.mjs`, which `nx run local-stack:build`
 * writes), on free ports. Resolves once outputs.json appears.
 */
export async function startStackProcess(options: StackProcessOptions): Promise<StackProcess> {
  const outputDir = mkdtempSync(join(tmpdir(), 'stack-outputs-'));
  const child = spawn(process.execPath, [join(options.workspaceRoot, 'dist/tools/local-stack/main.mjs')], {
    cwd: options.workspaceRoot,
    env: {
      PATH: process.env['PATH'] ?? '',
      LOCAL_COGNITO_PORT: '0',
      LOCAL_SES_PORT: '0',
      LOCAL_WEB_PORT: '0',
      LOCAL_DYNAMODB_PORT: '0',
      LOCAL_DATA_DIR: '',
      LOCAL_LOG_REQUESTS: '0',
      ...options.env,
      LOCAL_OUTPUT_DIR: outputDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8').on('data', (text: string) => output.push(...text.split('\n').filter((line) => line !== '')));
  }
  const exited = once(child, 'exit');
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
    rmSync(outputDir, { recursive: true, force: true });
  };
  const outputsFile = join(outputDir, OUTPUTS_FILE_NAME);
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  while (!existsSync(outputsFile)) {
    if (child.exitCode !== null) {
      await end('SIGKILL'); // already gone: this only removes the outputs folder
      throw new Error(`the local stack exited (code ${child.exitCode}):\n${output.slice(-20).join('\n')}`);
    }
    if (Date.now() > deadline) {
      await end('SIGKILL');
      throw new Error(`the local stack was not ready in time:\n${output.slice(-20).join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    outputs: await readStackOutputs(outputDir),
    process: child,
    output,
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
  };
}
