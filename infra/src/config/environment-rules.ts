import { InfraConfigError } from '../errors.js';
import { ACCOUNT_ID_PLACEHOLDER, accountIdVariableOf, environmentFileOf } from './account-id.js';
import { stackNameOf } from './stack-name.js';
import type { EnvironmentConfig } from './environment-config.schema.js';

/**
 * Refuses the shipped placeholder account id before anything else, naming
 * the file and the setting to change.
 */
export function checkAccountIdIsSet(environment: string, accountId: unknown): void {
  if (accountId !== ACCOUNT_ID_PLACEHOLDER) return;
  throw new InfraConfigError(
    environment,
    'accountId',
    `Environment "${environment}" has no AWS account id: set accountId in ${environmentFileOf(environment)} ` +
      `to the 12-digit id of the account it deploys to (aws sts get-caller-identity --query Account --output text), ` +
      `or set ${accountIdVariableOf(environment)}=<id> to synthesize without editing the file`,
  );
}

/**
 * A production environment keeps Cognito deletion protection on, unless
 * `allowUnprotectedProduction` says why not (e.g. to decommission it).
 */
export function checkProductionProtection(config: EnvironmentConfig): void {
  if (!config.production || config.deletionProtection || config.allowUnprotectedProduction !== undefined) return;
  throw new InfraConfigError(
    config.environment,
    'deletionProtection',
    `Invalid configuration for environment "${config.environment}": deletionProtection: must be true in a production ` +
      `environment (production: true); to synthesize it unprotected on purpose, set ` +
      `allowUnprotectedProduction: { reason: '…' } in ${environmentFileOf(config.environment)}`,
  );
}

/**
 * Whether Terraform must refuse to destroy the environment's stateful
 * resources, the user pool and the sign-in state table
 * (`lifecycle.prevent_destroy`): one rule for both. Every environment with
 * `deletionProtection`, and every production environment unless
 * `allowUnprotectedProduction` is set (which `checkProductionProtection`
 * already makes the only way to leave production without it).
 */
export function preventsDestroy(config: Pick<EnvironmentConfig, 'deletionProtection' | 'production' | 'allowUnprotectedProduction'>): boolean {
  return config.deletionProtection || (config.production && config.allowUnprotectedProduction === undefined);
}

/** Every environment sends through a configuration set; without one configured, the stack creates `<stack name>`. */
export function withDefaultConfigurationSet<T extends EnvironmentConfig>(config: T): T {
  if (config.email.configurationSet !== undefined) return config;
  return { ...config, email: { ...config.email, configurationSet: { name: stackNameOf(config), manage: true } } };
}
