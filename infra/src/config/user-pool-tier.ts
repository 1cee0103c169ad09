import { InfraConfigError } from '../errors.js';
import type { EnvironmentConfig } from './environment-config.schema.js';

export type UserPoolTier = 'LITE' | 'ESSENTIALS' | 'PLUS';

/**
 * The feature plan the pool runs on: the one the configuration names, or
 * else the cheapest that has what the pool uses. Custom auth triggers,
 * email verification, attribute update settings, token revocation and a WAF
 * association are in LITE; only threat protection needs PLUS.
 *
 * @throws InfraConfigError when threat protection is on with a plan below PLUS.
 */
export function userPoolTierOf(config: Pick<EnvironmentConfig, 'environment' | 'userPoolTier' | 'threatProtection'>): UserPoolTier {
  const needed: UserPoolTier = config.threatProtection ? 'PLUS' : 'LITE';
  const tier = config.userPoolTier ?? needed;
  if (config.threatProtection && tier !== 'PLUS') {
    throw new InfraConfigError(
      config.environment,
      'userPoolTier',
      `Invalid configuration for environment "${config.environment}": userPoolTier: threat protection needs PLUS, got ${tier} (leave userPoolTier out to get PLUS)`,
    );
  }
  return tier;
}
