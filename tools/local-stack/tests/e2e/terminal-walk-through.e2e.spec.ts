import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalStack, type LocalStack } from '../../src';
import { WORKSPACE_ROOT } from '../support/test-stack';

const CLI = join(WORKSPACE_ROOT, 'dist', 'tools', 'local-stack', 'cli.mjs');

/** The README's walk-through, command by command, against a running stack. */
describe('the terminal walk-through (dist/tools/local-stack/cli.mjs)', () => {
  const outputDir = mkdtempSync(join(tmpdir(), 'walk-through-'));
  const env = { PATH: process.env['PATH'] ?? '', LOCAL_OUTPUT_DIR: outputDir, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
  let stack: LocalStack;
  // Asynchronous on purpose: the stack runs in this process and must keep serving while a command runs.
  const cli = (...args: string[]) =>
    new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
      const child = execFile(process.execPath, [CLI, ...args], { env, timeout: 20_000 }, (error, stdout, stderr) =>
        resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
      child.stdin?.end();
    });
  const latestCode = async (address: string) => [...(await cli('mail', address)).stdout.matchAll(/\b\d{6}\b/g)].at(-1)?.[0];

  beforeAll(async () => {
    // No resend cooldown, so "resend" at the prompt sends at once.
    stack = await startLocalStack({ workspaceRoot: WORKSPACE_ROOT, outputDir, triggerSettings: { RESEND_COOLDOWN_SECONDS: '0' } });
  });
  afterAll(async () => {
    await stack?.stop();
    rmSync(outputDir, { recursive: true, force: true });
  });

  it('signs up, confirms and signs in with the code typed at the prompt', async () => {
    expect((await cli('sign-up', 'walker', 'walker@example.test')).status).toBe(0);
    const verification = await latestCode('walker@example.test');
    expect((await cli('confirm', 'walker', verification!)).stdout).toContain('walker is CONFIRMED');

    const signIn = spawn(process.execPath, [CLI, 'sign-in', 'walker'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    signIn.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
    for (let waited = 0; !output.includes('Code:') && waited < 10_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    signIn.stdin.end(`${await latestCode('walker@example.test')}\n`);
    const status = await new Promise((resolve) => signIn.on('exit', resolve));

    expect(status).toBe(0);
    expect(output).toMatch(/Signed in as walker \(sub [0-9a-f-]+\); the id token verifies/);
  });

  it('sends a new code when "resend" is typed at the prompt, and the new code signs in', async () => {
    const signIn = spawn(process.execPath, [CLI, 'sign-in', 'walker'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    signIn.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
    const prompts = async (count: number) => {
      for (let waited = 0; output.split('Code:').length <= count && waited < 10_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    };
    await prompts(1);
    const firstCode = await latestCode('walker@example.test');
    signIn.stdin.write('resend\n');
    await prompts(2);
    const newCode = await latestCode('walker@example.test');
    signIn.stdin.end(`${newCode}\n`);
    const status = await new Promise((resolve) => signIn.on('exit', resolve));

    expect(status).toBe(0);
    expect(output).toContain('Type "resend" for a new code.');
    expect(output).toContain('earlier codes no longer work');
    expect(newCode).not.toBe(firstCode);
    expect(output).toMatch(/Signed in as walker/);
  });

  it('fails, naming the reason, when input ends before a code is typed', async () => {
    const result = await cli('sign-in', 'walker');

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('No code was entered: standard input ended.');
  });
});
