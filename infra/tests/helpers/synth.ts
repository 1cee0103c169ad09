import { format as formatHcl } from '@cdktf/hcl-tools';
import { Testing } from 'cdktf';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/app.js';
import type { EnvironmentConfigInput } from '../../src/config/environment-config.schema.js';
import { parseEnvironmentConfig } from '../../src/config/parse-environment-config.js';
import { SignInStack } from '../../src/stacks/sign-in-stack.js';
import type { BundleFixture } from './fixtures.js';

/** One resource, data source or block of synthesized Terraform JSON, read as the tests please. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- synthesized JSON has no static type
export type Block = Record<string, any>;

/** The parts of a synthesized stack the tests read. */
export interface TerraformJson {
  readonly terraform: Block;
  readonly provider: Record<string, Block[]>;
  readonly resource: Record<string, Record<string, Block>>;
  readonly data?: Record<string, Record<string, Block>>;
  readonly output: Record<string, { value: unknown; description?: string }>;
}

/** One environment's stack, synthesized in memory (no files): for matchers and JSON checks. */
export function synthStack(input: EnvironmentConfigInput, bundles: BundleFixture): { stack: SignInStack; json: string } {
  const app = Testing.app();
  const stack = new SignInStack(app, parseEnvironmentConfig(input), bundles);
  return { stack, json: Testing.synth(stack) };
}

export function parseSynth(json: string): TerraformJson {
  return JSON.parse(json) as TerraformJson;
}

export interface FullSynth {
  readonly outdir: string;
  stackDir(stackName: string): string;
  /** The stack file as written, metadata included. */
  stackFile(stackName: string): string;
}

/**
 * What `cdktf synth` (or `cdktf synth --hcl`) writes: every environment, with
 * assets, into a scratch folder.
 */
export function fullSynth(
  environments: readonly EnvironmentConfigInput[],
  bundles: BundleFixture,
  format: 'json' | 'hcl' = 'json',
): FullSynth {
  const outdir = mkdtempSync(join(tmpdir(), `synth-${format}-`));
  const previous = process.env['SYNTH_HCL_OUTPUT'];
  // CDKTF decides the output format from this variable when stacks are constructed.
  process.env['SYNTH_HCL_OUTPUT'] = format === 'hcl' ? 'true' : 'false';
  try {
    buildApp({ environments, ...bundles, outdir }).app.synth();
  } finally {
    if (previous === undefined) delete process.env['SYNTH_HCL_OUTPUT'];
    else process.env['SYNTH_HCL_OUTPUT'] = previous;
  }
  const stackDir = (stackName: string) => join(outdir, 'stacks', stackName);
  return {
    outdir,
    stackDir,
    stackFile: (stackName) => readFileSync(join(stackDir(stackName), format === 'hcl' ? 'cdk.tf' : 'cdk.tf.json'), 'utf8'),
  };
}

/**
 * What `cdktf synth --hcl` does after the app has run: formats each stack's
 * `cdk.tf` with @cdktf/hcl-tools (HCL's own formatter). `app.synth()` alone
 * writes unformatted HCL, and this alone still fails `terraform fmt -check`
 * (it keeps `"${reference}"` wrappers), hence the `terraform fmt` step of the
 * synth-hcl target.
 */
export async function formatHclLikeCdktfCli(synth: FullSynth): Promise<void> {
  const manifest = JSON.parse(readFileSync(join(synth.outdir, 'manifest.json'), 'utf8')) as {
    stacks: Record<string, { synthesizedStackPath: string }>;
  };
  for (const stack of Object.values(manifest.stacks)) {
    const path = join(synth.outdir, stack.synthesizedStackPath);
    writeFileSync(path, await formatHcl(readFileSync(path, 'utf8')));
  }
}
