import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readMailStore } from '@cognito-passwordless/ses-sink';
import { startLocalStack, type LocalStack } from '../../src';
import { signInFlowHint } from '../../src/sign-in-flow-hint';
import { WORKSPACE_ROOT } from '../support/test-stack';

const CLI = join(WORKSPACE_ROOT, 'dist', 'tools', 'local-stack', 'cli.mjs');

describe('the CLI names --password when the flow needs it', () => {
  const outputDir = mkdtempSync(join(tmpdir(), 'cli-flow-hint-'));
  let stack: LocalStack;
  const cli = (...args: string[]) =>
    new Promise<{ status: number; stderr: string }>((resolve) => {
      execFile(process.execPath, [CLI, ...args], { env: { PATH: process.env['PATH'] ?? '', LOCAL_OUTPUT_DIR: outputDir }, timeout: 20_000 }, (error, _stdout, stderr) =>
        resolve({ status: error ? Number(error.code ?? 1) : 0, stderr }),
      );
    });

  beforeAll(async () => {
    stack = await startLocalStack({ workspaceRoot: WORKSPACE_ROOT, outputDir, triggerSettings: { SIGN_IN_FLOW: 'password-then-code' } });
  });
  afterAll(async () => {
    await stack?.stop();
    rmSync(outputDir, { recursive: true, force: true });
  });

  it('refuses sign-in without --password on a password-then-code stack, before any email is sent', async () => {
    const result = await cli('sign-in', 'alice', '--code', '123456');
    const sent = await readMailStore(stack.outputs.sesEndpoint);

    expect(result.status).toBe(1);
    expect(result.stderr).toContain("sign in with --password '<password>'");
    expect(sent).toHaveLength(0);
  });

  it('says the opposite on a passwordless stack, and nothing when the flow fits', () => {
    expect(signInFlowHint('passwordless', true)).toContain('without --password');
    expect(signInFlowHint('passwordless', false)).toBeUndefined();
    expect(signInFlowHint('password-then-code', true)).toBeUndefined();
  });
});
