import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AWS_PROVIDER_VERSION } from '../../src/stacks/sign-in-stack.js';

const run = promisify(execFile);

/** Where an offline mirror of the AWS provider may be, first match wins. */
const MIRROR_CANDIDATES = [process.env['TF_PLUGIN_MIRROR'], '/opt/tf-plugins'];

export type OfflineTerraform =
  | { readonly available: true; readonly binary: string; readonly mirror: string }
  | { readonly available: false; readonly reason: string };

/** Looks for terraform on PATH and a filesystem mirror holding the pinned AWS provider. */
export function findOfflineTerraform(): OfflineTerraform {
  const binary = process.env['TERRAFORM_BINARY_NAME'] || 'terraform';
  const version = spawnSync(binary, ['version'], { encoding: 'utf8', env: isolatedEnv(undefined) });
  if (version.error !== undefined || version.status !== 0) {
    return { available: false, reason: `"${binary}" is not on PATH` };
  }
  const providerDir = join('registry.terraform.io', 'hashicorp', 'aws', AWS_PROVIDER_VERSION);
  const mirror = MIRROR_CANDIDATES.find(
    (candidate): candidate is string => candidate !== undefined && candidate !== '' && existsSync(join(candidate, providerDir)),
  );
  if (mirror === undefined) {
    return {
      available: false,
      reason: `no filesystem mirror with hashicorp/aws ${AWS_PROVIDER_VERSION} (set TF_PLUGIN_MIRROR)`,
    };
  }
  return { available: true, binary, mirror };
}

/**
 * A CLI configuration owned by the tests: providers come from the mirror
 * only, so nothing is downloaded and the user's own configuration is never read.
 */
export function writeOfflineCliConfig(mirror: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'tfrc-')), 'terraform.offline.tfrc');
  writeFileSync(
    path,
    [
      'provider_installation {',
      '  filesystem_mirror {',
      `    path    = ${JSON.stringify(mirror)}`,
      '    include = ["registry.terraform.io/hashicorp/aws"]',
      '  }',
      '}',
      '',
    ].join('\n'),
  );
  return path;
}

export interface ValidateResult {
  readonly valid: boolean;
  readonly error_count: number;
  readonly warning_count: number;
  readonly diagnostics: readonly { severity: string; summary: string; detail?: string }[];
}

/** `terraform init -backend=false` then `terraform validate -json`, offline, in a synthesized stack folder. */
export async function validateOffline(binary: string, cliConfig: string, stackDir: string): Promise<ValidateResult> {
  const options = { cwd: stackDir, env: isolatedEnv(cliConfig), encoding: 'utf8' as const };
  await run(binary, ['init', '-backend=false', '-input=false', '-no-color'], options);
  try {
    const { stdout } = await run(binary, ['validate', '-json', '-no-color'], options);
    return JSON.parse(stdout) as ValidateResult;
  } catch (error) {
    // validate exits 1 on an invalid configuration but still prints its JSON verdict.
    const stdout = (error as { stdout?: string }).stdout;
    if (stdout !== undefined && stdout.trim().startsWith('{')) return JSON.parse(stdout) as ValidateResult;
    throw error;
  }
}

/** The caller's environment without any TF_* setting, plus the tests' own CLI configuration. */
function isolatedEnv(cliConfig: string | undefined): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('TF_')));
  return {
    ...env,
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    ...(cliConfig === undefined ? {} : { TF_CLI_CONFIG_FILE: cliConfig }),
  };
}
