import { execFile, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
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

export interface OfflinePlanOptions {
  /** The account the stand-in STS says the credentials belong to. */
  readonly accountId: string;
  /** The loopback STS stand-in's endpoint. */
  readonly stsEndpoint: string;
}

/** The parts of `terraform show -json <plan>` the tests read. */
export interface PlanJson {
  readonly resource_changes?: readonly {
    readonly address: string;
    readonly type: string;
    readonly mode: 'managed' | 'data';
    readonly change: { readonly actions: readonly string[]; readonly after?: Record<string, unknown> | null };
  }[];
  readonly configuration: {
    readonly provider_config?: Record<string, { readonly expressions?: Record<string, { constant_value?: unknown }> }>;
  };
}

export type PlanResult =
  | { readonly ok: true; readonly validate: ValidateResult; readonly plan: PlanJson }
  | { readonly ok: false; readonly error: string };

/** Name of the file the test copy gets; `_override` makes Terraform merge it over the stack. */
export const OFFLINE_OVERRIDE_FILE = 'zz_offline_plan_override.tf.json';

/**
 * `terraform plan` of a synthesized stack without network or credentials,
 * in a copy of its folder (the synthesized output is never changed). An
 * override file, written only into the copy, swaps the backend for a local
 * one (prod's S3 backend would need AWS) and points the provider's STS at
 * the loopback stand-in with fake keys whose id is the account to answer.
 * Nothing else is skipped: the provider still checks the credentials and
 * `allowed_account_ids` against what STS says.
 */
export async function planOffline(
  binary: string,
  cliConfig: string,
  stackDir: string,
  options: OfflinePlanOptions,
): Promise<PlanResult> {
  const copy = join(mkdtempSync(join(tmpdir(), 'plan-')), 'stack');
  cpSync(stackDir, copy, { recursive: true });
  writeFileSync(
    join(copy, OFFLINE_OVERRIDE_FILE),
    JSON.stringify({
      terraform: { backend: { local: { path: 'offline-plan.tfstate' } } },
      provider: {
        aws: {
          access_key: options.accountId,
          secret_key: 'offline-plan',
          skip_metadata_api_check: true,
          endpoints: [{ sts: options.stsEndpoint }],
        },
      },
    }),
  );
  const run = (args: string[]) => runIn(copy, binary, args, offlineAwsEnv(cliConfig));
  try {
    await run(['init', '-input=false', '-no-color']);
    // One init serves both: validate's verdict (warnings included), then the plan.
    const validate = await run(['validate', '-json', '-no-color']).then(
      ({ stdout }) => stdout,
      (error: { stdout?: string }) => error.stdout ?? '{}',
    );
    await run(['plan', '-input=false', '-no-color', '-lock=false', '-out=offline.tfplan']);
    const { stdout } = await run(['show', '-json', '-no-color', 'offline.tfplan']);
    return { ok: true, validate: JSON.parse(validate) as ValidateResult, plan: JSON.parse(stdout) as PlanJson };
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr;
    return { ok: false, error: stderr || String(error) };
  }
}

/** `terraform fmt -check -diff -recursive` in a folder: the unformatted diff, or '' when every file is formatted. */
export async function formatCheck(binary: string, dir: string): Promise<string> {
  try {
    await runIn(dir, binary, ['fmt', '-check', '-diff', '-recursive', '-no-color'], isolatedEnv(undefined));
    return '';
  } catch (error) {
    return (error as { stdout?: string }).stdout || String(error);
  }
}

function runIn(cwd: string, binary: string, args: string[], env: NodeJS.ProcessEnv) {
  return run(binary, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/**
 * No AWS setting of the caller (profiles, keys, SSO, regions), no instance
 * metadata, no proxy for the loopback stand-in: the plan can only reach 127.0.0.1.
 */
function offlineAwsEnv(cliConfig: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(isolatedEnv(cliConfig)).filter(([name]) => !name.startsWith('AWS_') && !/_proxy$/i.test(name)),
  );
  return {
    ...env,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    NO_PROXY: '127.0.0.1',
  };
}

/** The `terraform fmt -recursive` step of the synth-hcl target (project.json), run on a synthesized folder. */
export async function formatLikeSynthHclTarget(binary: string, dir: string): Promise<void> {
  await runIn(dir, binary, ['fmt', '-recursive', '-list=false', '-no-color'], isolatedEnv(undefined));
}
