import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LambdaFunction, LambdaInvocationError } from '../src';
import { RUNTIME_SOURCE } from '../src/runtime-source';

const BUNDLES = {
  echo: `export const handler = async (event) => { console.log(JSON.stringify({ level: 'INFO', message: 'echo' })); return { ...event, response: { env: process.env.GREETING ?? null, home: process.env.HOME ?? null } }; };`,
  throws: `export const handler = async () => { const e = new Error('bad things'); e.name = 'EmailDeliveryError'; throw e; };`,
  hangs: `export const handler = () => new Promise(() => {});`,
  initError: `const e = new Error('MAX_CODE_ATTEMPTS is "0"'); e.name = 'ConfigError'; throw e;`,
  exits: `export const handler = async () => { process.exit(3); };`,
  noHandler: `export const other = 1;`,
  holdsOpen: `setInterval(() => {}, 1000); export const handler = async () => ({});`,
};

describe('LambdaFunction', () => {
  let dir: string;
  const started: LambdaFunction[] = [];
  const fn = (bundle: keyof typeof BUNDLES, extra: Partial<ConstructorParameters<typeof LambdaFunction>[0]> = {}) => {
    const f = new LambdaFunction({ name: bundle, bundlePath: join(dir, `${bundle}.mjs`), env: {}, timeoutMs: 2_000, ...extra });
    started.push(f);
    return f;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lambda-runner-'));
    for (const [name, source] of Object.entries(BUNDLES)) writeFileSync(join(dir, `${name}.mjs`), source);
  });
  afterEach(async () => {
    await Promise.all(started.splice(0).map((f) => f.stop()));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('returns what the handler returns, with only the given environment', async () => {
    const lines: string[] = [];
    const echo = fn('echo', { env: { GREETING: 'hi' }, onLogLine: (line) => lines.push(line) });

    const result = await echo.invoke({ request: { a: 1 } });

    expect(result).toEqual({ request: { a: 1 }, response: { env: 'hi', home: null } });
    expect(lines).toContain(JSON.stringify({ level: 'INFO', message: 'echo' }));
  });

  it('serves overlapping invocations from one process', async () => {
    const echo = fn('echo');

    const results = await Promise.all([1, 2, 3].map((n) => echo.invoke({ n })));

    expect(results.map((r) => (r as { n: number }).n)).toEqual([1, 2, 3]);
  });

  it('reports a thrown error by its name and message', async () => {
    const error = await fn('throws').invoke({}).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(LambdaInvocationError);
    expect(error).toMatchObject({ kind: 'handler-error', errorType: 'EmailDeliveryError', errorMessage: 'bad things' });
  });

  it('times out a handler that never answers, then starts a fresh process', async () => {
    const hangs = fn('hangs', { timeoutMs: 300 });

    const error = await hangs.invoke({}).catch((e: unknown) => e);
    const again = await hangs.invoke({}).catch((e: unknown) => e);

    expect(error).toMatchObject({ kind: 'timeout', errorType: 'Sandbox.Timedout' });
    expect(again).toMatchObject({ kind: 'timeout' });
  });

  it('reports an error thrown at module load as an init error', async () => {
    const error = await fn('initError').invoke({}).catch((e: unknown) => e);

    expect(error).toMatchObject({ kind: 'init-error', errorType: 'ConfigError' });
  });

  it('reports a missing handler export', async () => {
    const error = await fn('noHandler').invoke({}).catch((e: unknown) => e);

    expect(error).toMatchObject({ kind: 'init-error', errorType: 'Runtime.HandlerNotFound' });
  });

  it('fails the invocation when the process exits', async () => {
    const error = await fn('exits').invoke({}).catch((e: unknown) => e);

    expect(error).toMatchObject({ kind: 'crash', errorType: 'Runtime.ExitError' });
  });

  it('exits when the process that started it dies, even with handles open', async () => {
    // A parent that starts the runtime, waits for its cold start, prints its pid and dies.
    const parent = `
      const { spawn } = require('node:child_process');
      const child = spawn(process.execPath, ['--input-type=module', '-e', process.argv[1], process.argv[2]], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
      child.on('message', (message) => { if (message.type === 'ready') { process.stdout.write(String(child.pid)); process.exit(0); } });`;

    const pid = Number(execFileSync(process.execPath, ['-e', parent, RUNTIME_SOURCE, join(dir, 'holdsOpen.mjs')], { encoding: 'utf8' }));
    // An exited orphan may stay a zombie until init reaps it: that counts as gone.
    const alive = () => {
      try {
        return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
      } catch {
        return false;
      }
    };
    for (let waited = 0; alive() && waited < 3000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    const survived = alive();
    if (survived) process.kill(pid, 'SIGKILL');

    expect(pid).toBeGreaterThan(0);
    expect(survived).toBe(false);
  });
});
