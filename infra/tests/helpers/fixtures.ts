import { TRIGGER_NAMES } from '@cognito-passwordless/contract';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { EnvironmentConfigInput } from '../../src/config/environment-config.schema.js';
import { dev } from '../../src/config/environments/dev.js';
import { ENVIRONMENTS } from '../../src/config/environments/index.js';
import { prod } from '../../src/config/environments/prod.js';

/** Account ids the tests give the shipped environments, whose files hold a placeholder. */
export const TEST_ACCOUNT_IDS = { dev: '111111111111', prod: '222222222222' } as const;

/** Fresh, mutable copies of the shipped environment files, with a test account id. */
export function devInput(): EnvironmentConfigInput {
  return { ...structuredClone(dev), accountId: TEST_ACCOUNT_IDS.dev };
}

export function prodInput(): EnvironmentConfigInput {
  return { ...structuredClone(prod), accountId: TEST_ACCOUNT_IDS.prod };
}

/** Every shipped environment (ENVIRONMENTS), each with a test account id in place of the placeholder. */
export function shippedEnvironments(): EnvironmentConfigInput[] {
  const ids: Readonly<Record<string, string>> = TEST_ACCOUNT_IDS;
  return ENVIRONMENTS.map((environment) => ({ ...structuredClone(environment), accountId: ids[environment.environment] ?? '333333333333' }));
}

/**
 * A copy of `base` with the value at a dot path replaced (`signIn.codeLength`),
 * typed loosely on purpose: tests feed the parser what the types would forbid.
 */
export function inputWith(base: EnvironmentConfigInput, path: string, value: unknown): EnvironmentConfigInput {
  const copy = structuredClone(base) as unknown as Record<string, unknown>;
  const keys = path.split('.');
  const last = keys.pop() ?? path;
  let target = copy;
  for (const key of keys) {
    target[key] = { ...((target[key] as Record<string, unknown> | undefined) ?? {}) };
    target = target[key] as Record<string, unknown>;
  }
  if (value === undefined) delete target[last];
  else target[last] = value;
  return copy as unknown as EnvironmentConfigInput;
}

export interface BundleFixture {
  /** Holds `<trigger>/index.mjs` for each trigger, like `dist/apps`. */
  readonly lambdaBundleRoot: string;
  readonly archiveCacheDir: string;
  /** The shipped infra folder, which environments' `email.templates` are relative to. */
  readonly emailTemplateRoot: string;
}

/**
 * Stand-in bundles in the test's scratch folder (removed after the file), so
 * the tests do not depend on the apps having been built.
 */
export function placeholderBundles(): BundleFixture {
  const root = mkdtempSync(join(tmpdir(), 'bundles-'));
  const lambdaBundleRoot = join(root, 'apps');
  for (const trigger of TRIGGER_NAMES) {
    mkdirSync(join(lambdaBundleRoot, trigger), { recursive: true });
    writeFileSync(
      join(lambdaBundleRoot, trigger, 'index.mjs'),
      `export const handler = async (event) => event; // ${trigger}\n`,
    );
  }
  return { lambdaBundleRoot, archiveCacheDir: join(root, 'archives'), emailTemplateRoot: resolve(__dirname, '..', '..') };
}
