import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';

export interface ClientConfigArguments {
  readonly environment: string;
  /** JSON from `cdktf output --outputs-file` or `terraform output -json`; read from Terraform when absent. */
  readonly outputsFile: string | undefined;
  readonly outDir: string | undefined;
  readonly userPoolEndpoint: string | undefined;
}

export const CLIENT_CONFIG_USAGE = [
  'Usage: nx run infra:client-config -- --env <environment> [options]',
  '  --env <name>             environment whose stack outputs to read (dev, prod, ...)',
  '  --outputs-file <path>    outputs JSON from "cdktf output <stack> --outputs-file <path>"',
  '                           or "terraform output -json"; default: run "terraform output -json"',
  '                           in infra/cdktf.out/stacks/<stack>',
  '  --out-dir <dir>          where to write the files; default dist/client-config/<env>',
  '  (relative paths are taken from the workspace root)',
  '  --endpoint <url>         user pool endpoint override with scheme (local emulators)',
].join('\n');

/** `--help` or `-h` anywhere: print the usage and nothing else, whatever the other arguments. */
export function wantsClientConfigHelp(argv: readonly string[]): boolean {
  return argv.includes('--help') || argv.includes('-h');
}

export function parseClientConfigArguments(argv: readonly string[]): ClientConfigArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        env: { type: 'string' },
        'outputs-file': { type: 'string' },
        'out-dir': { type: 'string' },
        endpoint: { type: 'string' },
      },
    });
  } catch (cause) {
    throw new UsageError(`${cause instanceof Error ? cause.message : String(cause)}\n${CLIENT_CONFIG_USAGE}`, { cause });
  }
  const { values } = parsed;
  if (values.env === undefined || values.env === '') throw new UsageError(`--env is required\n${CLIENT_CONFIG_USAGE}`);
  return {
    environment: values.env,
    outputsFile: values['outputs-file'],
    outDir: values['out-dir'],
    userPoolEndpoint: values.endpoint,
  };
}
