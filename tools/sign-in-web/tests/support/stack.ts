import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '@cognito-passwordless/local-stack';

export const WORKSPACE_ROOT = resolve(__dirname, '../../../..');
export const PAGE_ROOT = join(WORKSPACE_ROOT, 'dist', 'tools', 'sign-in-web');

/** Meets the pool's password policy. */
export const PASSWORD = 'Correct-Horse-9';

/**
 * The real local stack (real trigger bundles, real SES sink) on free loopback
 * ports, in memory, serving the built page from dist/tools/sign-in-web.
 */
export async function startStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  if (!existsSync(join(PAGE_ROOT, 'index.html'))) {
    throw new Error(`The page is not built in ${PAGE_ROOT}: run npx nx run sign-in-web:test (it builds first), or npx nx run sign-in-web:build.`);
  }
  return startLocalStack({ workspaceRoot: WORKSPACE_ROOT, ...options });
}

let counter = 0;
/** A username (and address) no other test uses. */
export function uniqueUser(prefix = 'web'): { username: string; email: string } {
  const username = `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter++}`;
  return { username, email: `${username}@example.test` };
}
