import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from '../app.js';
import { withAccountIdOverrides } from '../config/account-id.js';
import { ENVIRONMENTS } from '../config/environments/index.js';
import { parseEnvironmentConfig } from '../config/parse-environment-config.js';
import { stackNameOf } from '../config/stack-name.js';
import { UsageError } from '../errors.js';
import { stateStackNameOf } from '../stacks/state-bucket-stack.js';
import { deploy } from './deploy.js';
import { terraformCli } from './terraform-cli.js';

// Bundled to dist/infra/deploy/cli.js; the workspace root is three levels up.
const WORKSPACE_ROOT = resolve(__dirname, '..', '..', '..');

const USAGE = [
  'Usage: nx run infra:deploy -- --env <environment> [--auto-approve]',
  '  --env <name>      environment to deploy (dev, prod, ...)',
  '  --auto-approve    apply without asking (CI); otherwise Terraform shows each plan and asks',
].join('\n');

/** Exit code when the run stopped to wait for SES verification: not a failure, not done either. */
export const EXIT_WAITING_FOR_VERIFICATION = 2;

async function main(argv: readonly string[]): Promise<number> {
  let values;
  try {
    values = parseArgs({ args: [...argv], strict: true, options: { env: { type: 'string' }, 'auto-approve': { type: 'boolean' } } }).values;
  } catch (cause) {
    throw new UsageError(`${cause instanceof Error ? cause.message : String(cause)}\n${USAGE}`, { cause });
  }
  const environment = values.env;
  if (environment === undefined) throw new UsageError(`--env is required\n${USAGE}`);
  const { environments } = withAccountIdOverrides(ENVIRONMENTS, process.env);
  const input = environments.find((candidate) => candidate.environment === environment);
  if (input === undefined) {
    throw new UsageError(`Unknown environment "${environment}"; known: ${environments.map((candidate) => candidate.environment).join(', ')}`);
  }
  const config = parseEnvironmentConfig(input);
  // Synthesizes this environment only, so another environment's unset account id does not block it.
  const outdir = join(WORKSPACE_ROOT, 'infra', 'cdktf.out');
  buildApp({
    environments: [input],
    lambdaBundleRoot: process.env['INFRA_LAMBDA_BUNDLE_ROOT'] || join(WORKSPACE_ROOT, 'dist', 'apps'),
    archiveCacheDir: join(WORKSPACE_ROOT, 'dist', 'infra', 'lambda-archives'),
    emailTemplateRoot: join(WORKSPACE_ROOT, 'infra'),
    outdir,
  }).app.synth();
  const stacksDir = join(outdir, 'stacks');
  const stackDir = join(stacksDir, stackNameOf(config));
  const stateStackDir = config.state.type === 's3' ? join(stacksDir, stateStackNameOf(config)) : undefined;

  const outcome = await deploy({
    config,
    stackDir,
    stateStackDir,
    terraform: terraformCli(process.env['TERRAFORM_BINARY_NAME'] || 'terraform', { ...process.env, CHECKPOINT_DISABLE: '1' }),
    autoApprove: values['auto-approve'] === true,
    command: `npx nx run infra:deploy -- --env ${environment}${values['auto-approve'] === true ? ' --auto-approve' : ''}`,
    print: (line) => console.log(line),
  });
  return outcome === 'deployed' ? 0 : EXIT_WAITING_FOR_VERIFICATION;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    process.exitCode = 1;
  },
);
