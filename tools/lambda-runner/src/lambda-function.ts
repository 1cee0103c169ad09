import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { LambdaInvocationError } from './lambda-invocation-error';
import { RUNTIME_SOURCE } from './runtime-source';

export interface LambdaFunctionOptions {
  /** Used for AWS_LAMBDA_FUNCTION_NAME and in error messages. */
  readonly name: string;
  /** Absolute path of the ESM bundle that exports `handler`. */
  readonly bundlePath: string;
  /** The function's whole environment, as Lambda would set it: nothing is inherited from this process. */
  readonly env: Readonly<Record<string, string>>;
  /** The invocation timeout; the process is killed and restarted after it, as Lambda does. */
  readonly timeoutMs: number;
  /** Receives each line the function writes to stdout or stderr (its CloudWatch log). */
  readonly onLogLine?: (line: string, stream: 'stdout' | 'stderr') => void;
}

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: LambdaInvocationError) => void;
  readonly timer: NodeJS.Timeout;
}

interface RuntimeMessage {
  readonly type: 'log' | 'ready' | 'init-error' | 'result' | 'error';
  readonly stream?: 'stdout' | 'stderr';
  readonly text?: string;
  readonly id?: number;
  readonly result?: unknown;
  readonly errorType?: string;
  readonly errorMessage?: string;
}

/**
 * A deployed Lambda function, played by a child Node.js process running the
 * real bundle. Invocations may overlap (unlike one Lambda execution
 * environment), which is what a local endpoint under load needs; a timeout or
 * crash ends the process and fails every invocation in flight, and the next
 * invocation starts a fresh one (a new cold start).
 */
export class LambdaFunction {
  private child: ChildProcess | undefined;
  private starting: Promise<ChildProcess> | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly options: LambdaFunctionOptions) {}

  /** Starts the process ahead of the first invocation (optional). */
  async warm(): Promise<void> {
    await this.process();
  }

  async invoke(event: unknown): Promise<unknown> {
    const child = await this.process();
    const id = this.nextId++;
    const deadline = Date.now() + this.options.timeoutMs;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.failAll(
          new LambdaInvocationError(
            'timeout',
            'Sandbox.Timedout',
            `Task timed out after ${(this.options.timeoutMs / 1000).toFixed(2)} seconds`,
          ),
        );
      }, this.options.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      child.send({ type: 'invoke', id, event, requestId: randomUUID(), deadline });
    });
  }

  async stop(): Promise<void> {
    // A runtime that failed to start has no process left to stop, and its
    // start error already rejected the invocation that was waiting for it.
    const child = this.child ?? (await this.starting?.catch(() => undefined));
    this.child = undefined;
    this.starting = undefined;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
  }

  private process(): Promise<ChildProcess> {
    if (this.child) return Promise.resolve(this.child);
    this.starting ??= this.spawnRuntime().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  private spawnRuntime(): Promise<ChildProcess> {
    const { bundlePath, env, name, onLogLine } = this.options;
    const child = spawn(process.execPath, ['--input-type=module', '-e', RUNTIME_SOURCE, bundlePath], {
      env: { AWS_LAMBDA_FUNCTION_NAME: name, ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'json',
    });
    const partial = { stdout: '', stderr: '' };
    const onLog = (stream: 'stdout' | 'stderr', text: string) => {
      const lines = (partial[stream] + text).split('\n');
      partial[stream] = lines.pop() ?? '';
      for (const line of lines) onLogLine?.(line, stream);
    };
    // Anything written past the IPC hook (native code, a crash report) still counts.
    // (Both streams exist: stdio 'pipe' creates them.)
    for (const [stream, input] of [['stdout', child.stdout], ['stderr', child.stderr]] as const) {
      if (input) createInterface({ input }).on('line', (line) => onLogLine?.(line, stream));
    }
    return new Promise((resolve, reject) => {
      child.on('message', (message: RuntimeMessage) => {
        if (message.type === 'log') {
          onLog(message.stream ?? 'stdout', message.text ?? '');
        } else if (message.type === 'ready') {
          this.child = child;
          resolve(child);
        } else if (message.type === 'init-error') {
          reject(new LambdaInvocationError('init-error', message.errorType ?? 'Error', message.errorMessage ?? ''));
        } else {
          this.settle(message);
        }
      });
      child.on('exit', (code, signal) => {
        if (this.child === child) this.child = undefined;
        const failure = new LambdaInvocationError(
          'crash',
          'Runtime.ExitError',
          `${name} exited (${signal ?? `code ${code}`}) before answering`,
        );
        reject(failure);
        this.failAll(failure);
      });
    });
  }

  private settle(message: RuntimeMessage): void {
    const { id } = message;
    if (id === undefined) return;
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    clearTimeout(pending.timer);
    if (message.type === 'result') pending.resolve(message.result);
    else pending.reject(new LambdaInvocationError('handler-error', message.errorType ?? 'Error', message.errorMessage ?? ''));
  }

  private failAll(error: LambdaInvocationError): void {
    const inFlight = [...this.pending.values()];
    this.pending.clear();
    for (const pending of inFlight) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    if (error.kind === 'timeout' && this.child) {
      const child = this.child;
      this.child = undefined;
      child.kill('SIGKILL');
    }
  }
}
