import * as v from 'valibot';
import { InfraConfigError } from '../errors.js';
import { checkAccountIdIsSet, checkProductionProtection, withDefaultConfigurationSet } from './environment-rules.js';
import { type EnvironmentConfig, EnvironmentConfigSchema } from './environment-config.schema.js';

/**
 * Validates one environment's configuration and fills in the defaults.
 * The result is deeply frozen: the stack reads it, never changes it.
 * Every environment gets a configuration set (`<stack name>` when none is configured).
 *
 * @throws InfraConfigError naming the first offending field and listing every problem.
 */
export function parseEnvironmentConfig(input: unknown): EnvironmentConfig {
  checkAccountIdIsSet(environmentNameOf(input), accountIdOf(input));
  const result = v.safeParse(EnvironmentConfigSchema, input);
  if (!result.success) {
    const environment = environmentNameOf(input);
    const problems = result.issues.map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`);
    const field = v.getDotPath(result.issues[0]) ?? '(root)';
    throw new InfraConfigError(
      environment,
      field,
      `Invalid configuration for environment "${environment}": ${problems.join('; ')}`,
      { cause: new v.ValiError(result.issues) },
    );
  }
  const config = withDefaultConfigurationSet(result.output);
  checkProductionProtection(config);
  return deepFreeze(config);
}

function accountIdOf(input: unknown): unknown {
  return typeof input === 'object' && input !== null ? (input as { accountId?: unknown }).accountId : undefined;
}

function environmentNameOf(input: unknown): string {
  const name = typeof input === 'object' && input !== null ? (input as { environment?: unknown }).environment : undefined;
  return typeof name === 'string' ? name : '(unnamed)';
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
