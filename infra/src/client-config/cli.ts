import { relative, resolve } from 'node:path';
import { withAccountIdOverrides } from '../config/account-id.js';
import { ENVIRONMENTS } from '../config/environments/index.js';
import { CLIENT_CONFIG_USAGE, parseClientConfigArguments, wantsClientConfigHelp } from './cli-arguments.js';
import { writeClientConfig } from './write-client-config.js';

// Bundled to dist/infra/client-config/cli.js; the workspace root is three levels up.
const WORKSPACE_ROOT = resolve(__dirname, '..', '..', '..');

try {
  if (wantsClientConfigHelp(process.argv.slice(2))) {
    console.log(CLIENT_CONFIG_USAGE);
    process.exit(0);
  }
  const paths = writeClientConfig(parseClientConfigArguments(process.argv.slice(2)), {
    environments: withAccountIdOverrides(ENVIRONMENTS, process.env).environments,
    workspaceRoot: WORKSPACE_ROOT,
    terraformBinary: process.env['TERRAFORM_BINARY_NAME'] || 'terraform',
  });
  for (const path of paths) console.log(`wrote ${relative(WORKSPACE_ROOT, path)}`);
} catch (error) {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  process.exitCode = 1;
}
