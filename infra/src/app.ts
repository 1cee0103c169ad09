import { App } from 'cdktf';
import type { EnvironmentConfigInput } from './config/environment-config.schema.js';
import { parseEnvironmentConfig } from './config/parse-environment-config.js';
import { SignInStack } from './stacks/sign-in-stack.js';
import { StateBucketStack } from './stacks/state-bucket-stack.js';

export interface BuildAppOptions {
  readonly environments: readonly EnvironmentConfigInput[];
  readonly lambdaBundleRoot: string;
  readonly archiveCacheDir: string;
  /** The folder environments' `email.templates` paths are relative to (the infra project folder). */
  readonly emailTemplateRoot?: string;
  /** Defaults to CDKTF_OUTDIR (set by the cdktf CLI), else `cdktf.out`. */
  readonly outdir?: string;
}

/**
 * Validates every environment before creating any stack, so a bad
 * configuration fails the synth before anything is written.
 */
export function buildApp(options: BuildAppOptions): {
  readonly app: App;
  readonly stacks: readonly SignInStack[];
  /** One per environment with S3 state: creates its bucket (`<prefix>-state-<env>`). */
  readonly stateStacks: readonly StateBucketStack[];
} {
  const configs = options.environments.map((input) => parseEnvironmentConfig(input));
  const app = new App(options.outdir === undefined ? {} : { outdir: options.outdir });
  const stacks = configs.map((config) => new SignInStack(app, config, options));
  const stateStacks = configs.flatMap((config) =>
    config.state.type === 's3' ? [new StateBucketStack(app, { ...config, state: config.state })] : [],
  );
  return { app, stacks, stateStacks };
}
