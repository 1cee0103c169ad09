import type { EnvironmentConfig } from '../config/environment-config.schema.js';
import { InfraError } from '../errors.js';
import { identityTargets, nextDeployStep, verificationInstructions } from './deploy-steps.js';
import { identityStateOf } from './terraform-state.js';

/** The Terraform commands the deploy needs, run in a stack folder. */
export interface Terraform {
  /** Runs a command with the terminal attached (plans, approval prompts); rejects when it fails. */
  run(stackDir: string, args: readonly string[]): Promise<void>;
  /** `terraform show -json` of the current state. */
  showState(stackDir: string): Promise<unknown>;
}

export interface DeployOptions {
  readonly config: EnvironmentConfig;
  readonly stackDir: string;
  /** The state bucket stack of an environment with S3 state, applied first. */
  readonly stateStackDir?: string | undefined;
  readonly terraform: Terraform;
  readonly autoApprove: boolean;
  /** The command to run again, as the operator typed it. */
  readonly command: string;
  readonly print: (line: string) => void;
}

export type DeployOutcome = 'deployed' | 'waiting-for-verification';

/**
 * One run of the first-deploy procedure (and every later deploy): the
 * state bucket if the environment has one, then the SES identity alone,
 * then (once SES says it is verified) everything. Stops with instructions
 * while the identity is unverified; running it again picks up where it
 * stopped. Terraform targets are used only here, never by hand.
 */
export async function deploy(options: DeployOptions): Promise<DeployOutcome> {
  const { terraform, stackDir, config, print } = options;
  const approve = options.autoApprove ? ['-auto-approve'] : [];

  if (options.stateStackDir !== undefined) {
    print('deploy: the state bucket first (its own state stays local)');
    await terraform.run(options.stateStackDir, ['init', '-input=false']);
    await terraform.run(options.stateStackDir, ['apply', '-input=false', ...approve]);
  }

  await terraform.run(stackDir, ['init', '-input=false']);
  const targets = identityTargets(config).map((address) => `-target=${address}`);
  let refreshed = false;
  for (;;) {
    const identity = identityStateOf(await terraform.showState(stackDir));
    const step = nextDeployStep(identity, refreshed);
    switch (step) {
      case 'create-identity':
        print(`deploy: creating the SES identity ${config.email.sesIdentity} first; SES verifies it before Cognito may use it`);
        // Terraform warns that targeting is for exceptional cases: this is one, and only this script does it.
        await terraform.run(stackDir, ['apply', '-input=false', ...approve, ...targets]);
        refreshed = true;
        break;
      case 'refresh-identity':
        print(`deploy: asking SES whether ${config.email.sesIdentity} is verified now`);
        await terraform.run(stackDir, ['apply', '-refresh-only', '-input=false', '-auto-approve', ...targets]);
        refreshed = true;
        break;
      case 'apply-all':
        print(`deploy: ${config.email.sesIdentity} is verified; applying the whole stack`);
        await terraform.run(stackDir, ['apply', '-input=false', ...approve]);
        return 'deployed';
      case 'wait-for-verification':
        for (const line of verificationInstructions(config, identity, options.command)) print(line);
        return 'waiting-for-verification';
      default:
        throw new InfraError(`unknown deploy step ${String(step satisfies never)}`);
    }
  }
}
