import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_STACK_NOT_RUNNING, LocalStackNotRunningError, readStackOutputs } from '../../src';
import { WORKSPACE_ROOT } from '../support/test-stack';

const CLI = join(WORKSPACE_ROOT, 'dist', 'tools', 'local-stack', 'cli.mjs');

/** A loopback port nothing listens on (taken, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('tools that need the running stack, when it is not running', () => {
  let outputDir: string;
  const cli = (...args: string[]) =>
    new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
      const env = { PATH: process.env['PATH'] ?? '', LOCAL_OUTPUT_DIR: outputDir };
      execFile(process.execPath, [CLI, ...args], { env, timeout: 20_000 }, (error, stdout, stderr) =>
        resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
  const leftOver = async () => {
    const port = await closedPort();
    writeFileSync(join(outputDir, 'outputs.json'), JSON.stringify({ cognitoEndpoint: `http://127.0.0.1:${port}`, sesEndpoint: `http://127.0.0.1:${port}` }));
  };

  beforeEach(() => {
    outputDir = mkdtempSync(join(tmpdir(), 'not-running-'));
  });
  afterEach(() => rmSync(outputDir, { recursive: true, force: true }));

  it('the CLI says the stack is not running when there is no outputs.json', async () => {
    const result = await cli('sign-in', 'alice', '--code', '123456');

    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(`${LOCAL_STACK_NOT_RUNNING}: no ${join(outputDir, 'outputs.json')}`);
  });

  it.each([['sign-in', 'alice', '--code', '123456'], ['mail']])('the CLI says so for a file a killed stack left behind (%s)', async (...args) => {
    await leftOver();

    const result = await cli(...args);

    expect(result.status).toBe(1);
    expect(result.stderr).toContain(LOCAL_STACK_NOT_RUNNING);
    expect(result.stderr).not.toMatch(/ECONNREFUSED|fetch failed/);
  });

  it('the shared reader refuses a missing and a stale file with LocalStackNotRunningError', async () => {
    const missing = await readStackOutputs(outputDir).catch((error: unknown) => error);
    await leftOver();
    const stale = await readStackOutputs(outputDir).catch((error: unknown) => error);

    expect(missing).toBeInstanceOf(LocalStackNotRunningError);
    expect(stale).toBeInstanceOf(LocalStackNotRunningError);
    expect((stale as Error).message).toContain('left from a stack that stopped');
  });
});
