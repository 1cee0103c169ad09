import { parseEnvironmentConfig } from '../../src/config/parse-environment-config.js';
import { InfraConfigError } from '../../src/errors.js';

/** The field `parseEnvironmentConfig` names when it refuses `input`; fails the test when it accepts it. */
export function rejectedField(input: unknown): string {
  try {
    parseEnvironmentConfig(input);
  } catch (error) {
    if (error instanceof InfraConfigError) return error.field;
    throw error;
  }
  throw new Error('the configuration was accepted');
}
