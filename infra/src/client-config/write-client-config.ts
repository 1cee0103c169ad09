import { buildClientConfigFiles } from '@cognito-passwordless/client-config';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { EnvironmentConfigInput } from '../config/environment-config.schema.js';
import { parseEnvironmentConfig } from '../config/parse-environment-config.js';
import { stackNameOf } from '../config/stack-name.js';
import { StackOutputsError, UsageError } from '../errors.js';
import type { ClientConfigArguments } from './cli-arguments.js';
import { clientConfigInputFromOutputs } from './stack-outputs.js';

export interface WriteClientConfigContext {
  readonly environments: readonly EnvironmentConfigInput[];
  readonly workspaceRoot: string;
  /** `terraform` or `tofu`; the same variable the cdktf CLI honours. */
  readonly terraformBinary: string;
}

/**
 * Reads one environment's stack outputs and writes both Amplify files; returns
 * their paths. Relative paths are taken from the workspace root, as Nx runs
 * the command elsewhere (in the project folder).
 */
export function writeClientConfig(args: ClientConfigArguments, context: WriteClientConfigContext): string[] {
  const input = context.environments.find((candidate) => candidate.environment === args.environment);
  if (input === undefined) {
    const known = context.environments.map((candidate) => candidate.environment).join(', ');
    throw new UsageError(`Unknown environment "${args.environment}"; known: ${known}`);
  }
  const environment = parseEnvironmentConfig(input);
  const stackName = stackNameOf(environment);
  const outputs = args.outputsFile === undefined
    ? readTerraformOutputs(join(context.workspaceRoot, 'infra', 'cdktf.out', 'stacks', stackName), context.terraformBinary)
    : readJsonFile(resolve(context.workspaceRoot, args.outputsFile));

  const files = buildClientConfigFiles(
    clientConfigInputFromOutputs(outputs, stackName, { signInFlow: environment.signIn.flow, userPoolEndpoint: args.userPoolEndpoint }),
  );
  const outDir = resolve(context.workspaceRoot, args.outDir ?? join('dist', 'client-config', args.environment));
  mkdirSync(outDir, { recursive: true });
  return files.map((file) => {
    const path = join(outDir, file.fileName);
    writeFileSync(path, file.contents);
    return path;
  });
}

function readJsonFile(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new StackOutputsError(`Cannot read stack outputs from ${path}`, { cause });
  }
}

function readTerraformOutputs(stackDir: string, terraformBinary: string): unknown {
  try {
    return JSON.parse(execFileSync(terraformBinary, ['output', '-json'], { cwd: stackDir, encoding: 'utf8' }));
  } catch (cause) {
    throw new StackOutputsError(
      `"${terraformBinary} output -json" failed in ${stackDir}; deploy the stack first or pass --outputs-file`,
      { cause },
    );
  }
}
