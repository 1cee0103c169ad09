import type { EnvironmentConfig } from './environment-config.schema.js';

/** One stack per environment, named `<prefix>-<environment>`. */
export function stackNameOf(config: Pick<EnvironmentConfig, 'namePrefix' | 'environment'>): string {
  return `${config.namePrefix}-${config.environment}`;
}
