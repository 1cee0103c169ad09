import type { EnvironmentConfigInput } from '../environment-config.schema.js';
import { dev } from './dev.js';
import { prod } from './prod.js';

/** Every environment the app synthesizes, one stack each. Add an environment here. */
export const ENVIRONMENTS: readonly EnvironmentConfigInput[] = [dev, prod];
