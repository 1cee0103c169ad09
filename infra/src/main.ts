import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from './app.js';
import { withAccountIdOverrides } from './config/account-id.js';
import { ENVIRONMENTS } from './config/environments/index.js';

// This file is bundled to dist/infra/main.js; the workspace root is two levels up.
const WORKSPACE_ROOT = resolve(__dirname, '..', '..');

function main(): void {
  const lambdaBundleRoot = process.env['INFRA_LAMBDA_BUNDLE_ROOT'] || join(WORKSPACE_ROOT, 'dist', 'apps');
  const archiveCacheDir = join(WORKSPACE_ROOT, 'dist', 'infra', 'lambda-archives');
  const emailTemplateRoot = join(WORKSPACE_ROOT, 'infra');
  const { environments, notices } = withAccountIdOverrides(ENVIRONMENTS, process.env);
  for (const notice of notices) console.log(`infra: ${notice}`);
  const { app, stacks, stateStacks } = buildApp({ environments, lambdaBundleRoot, archiveCacheDir, emailTemplateRoot });
  app.synth();
  const all = [...stacks, ...stateStacks];
  const names = all.map((stack) => stack.node.id).join(', ');
  console.log(`infra: synthesized ${all.length} stacks (${names}) in ${Math.round(performance.now())} ms of app time`);
}

try {
  main();
} catch (error) {
  console.error(`infra: synth failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  process.exitCode = 1;
}
