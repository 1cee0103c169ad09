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

export interface Diagnostic {
  readonly severity: string;
  readonly summary: string;
  readonly detail?: string;
}

export type PlanResult =
  | { readonly ok: true; readonly diagnostics: readonly Diagnostic[]; readonly plan: PlanJson }
  | { readonly ok: false; readonly error: string };

/** Name of the file the test copies get; `_override` makes Terraform merge it over the stack. */
export const OFFLINE_OVERRIDE_FILE = 'zz_offline_plan_override.tf.json';

export interface OfflinePlanner {
  /** Plans a synthesized stack folder (never changed: the plan runs in a copy) as account `accountId`. */
  plan(stackDir: string, accountId: string): Promise<PlanResult>;
}

/**
 * `terraform plan` of synthesized stacks without network or credentials.
 * Each plan runs in a copy of the stack folder with an override file, written
 * only into the copy, that swaps the backend for a local one (prod's S3
 * backend would need AWS) and points the provider's STS at the loopback
 * stand-in with fake keys whose id is the account to answer. Nothing else is
 * skipped: the provider still checks the credentials and
 * `allowed_account_ids` against what STS says.
 *
 * Every stack needs the same provider and the same (local) backend, so one
 * `terraform init` serves them all through a shared TF_DATA_DIR and a copy of
 * its lock file: init hashes the whole provider package, the most expensive
 * step on two shared cores.
 */
export async function startOfflinePlanner(
  binary: string,
  cliConfig: string,
  stsEndpoint: string,
  anyStackDir: string,
): Promise<OfflinePlanner> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tf-data-'));
  const env = { ...offlineAwsEnv(cliConfig), TF_DATA_DIR: dataDir };
  const copyOf = (stackDir: string, accountId: string) => {
    const copy = join(mkdtempSync(join(tmpdir(), 'plan-')), 'stack');
    cpSync(stackDir, copy, { recursive: true });
    writeFileSync(
      join(copy, OFFLINE_OVERRIDE_FILE),
      JSON.stringify({
        terraform: { backend: { local: { path: 'offline-plan.tfstate' } } },
        provider: {
          aws: { access_key: accountId, secret_key: 'offline-plan', skip_metadata_api_check: true, endpoints: [{ sts: stsEndpoint }] },
        },
      }),
    );
    return copy;
  };
  const first = copyOf(anyStackDir, '000000000000');
  await runIn(first, binary, ['init', '-input=false', '-no-color'], env);
  const lockFile = join(first, '.terraform.lock.hcl');

  return {
    plan: async (stackDir, accountId) => {
      const copy = copyOf(stackDir, accountId);
      cpSync(lockFile, join(copy, '.terraform.lock.hcl'));
      let lines: string;
      try {
        ({ stdout: lines } = await runIn(copy, binary, ['plan', '-json', '-input=false', '-lock=false', '-out=offline.tfplan'], env));
      } catch (error) {
        const failed = error as { stdout?: string; stderr?: string };
        const errors = diagnosticsOf(failed.stdout ?? '').filter((diagnostic) => diagnostic.severity === 'error');
        return { ok: false, error: errors.map((d) => `${d.summary}: ${d.detail ?? ''}`).join('\n') || failed.stderr || String(error) };
      }
      const { stdout } = await runIn(copy, binary, ['show', '-json', '-no-color', 'offline.tfplan'], env);
      return { ok: true, diagnostics: diagnosticsOf(lines), plan: JSON.parse(stdout) as PlanJson };
    },
  };
}

/** The diagnostics (errors and warnings) in the JSON lines of `terraform plan -json`. */
function diagnosticsOf(jsonLines: string): Diagnostic[] {
  return jsonLines
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { type?: string; diagnostic?: Diagnostic })
    .filter((message) => message.type === 'diagnostic' && message.diagnostic !== undefined)
    .map((message) => message.diagnostic as Diagnostic);
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
