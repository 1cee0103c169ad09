import { LambdaFunction } from '@cognito-passwordless/lambda-runner';
import { bundlePath, TRIGGERS, type Trigger } from '@cognito-passwordless/trigger-bundles';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const WORKSPACE_ROOT = resolve(__dirname, '../../..');

/** The SDK's own settings for a loopback SES with fake credentials. */
export const localSesEnv = (endpoint: string) => ({
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  AWS_ENDPOINT_URL_SES: endpoint,
});

/**
 * Copies of the built bundles in an empty folder (no node_modules anywhere
 * above it), run as Lambda functions, with every log line they write kept.
 */
export class DeployedBundles {
  readonly logLines: string[] = [];
  private readonly dir = mkdtempSync(join(tmpdir(), 'bundles-'));
  private readonly functions: LambdaFunction[] = [];

  constructor() {
    for (const trigger of TRIGGERS) {
      mkdirSync(join(this.dir, trigger));
      copyFileSync(bundlePath(WORKSPACE_ROOT, trigger), join(this.dir, trigger, 'index.mjs'));
    }
    // Moves Date.now by CLOCK_OFFSET_MS: a function started with it lives in the future.
    writeFileSync(
      join(this.dir, 'clock-offset.cjs'),
      'const offset = Number(process.env.CLOCK_OFFSET_MS || 0); const now = Date.now; Date.now = () => now() + offset;\n',
    );
  }

  /** The folder a trigger's bundle sits in: its LAMBDA_TASK_ROOT. */
  folder(trigger: Trigger): string {
    return join(this.dir, trigger);
  }

  start(trigger: Trigger, env: Record<string, string>, options: { clockOffsetMs?: number; timeoutMs?: number } = {}): LambdaFunction {
    const clock: Record<string, string> = options.clockOffsetMs
      ? { NODE_OPTIONS: `--require ${join(this.dir, 'clock-offset.cjs')}`, CLOCK_OFFSET_MS: String(options.clockOffsetMs) }
      : {};
    const fn = new LambdaFunction({
      name: trigger,
      bundlePath: join(this.dir, trigger, 'index.mjs'),
      env: { ...env, ...clock },
      timeoutMs: options.timeoutMs ?? 5_000,
      onLogLine: (line) => this.logLines.push(line),
    });
    this.functions.push(fn);
    return fn;
  }

  async stop(): Promise<void> {
    await Promise.all(this.functions.splice(0).map((fn) => fn.stop()));
    rmSync(this.dir, { recursive: true, force: true });
  }
}
