import {
  createConfigSchema,
  defineConfigSchema,
  verifyConfigSchema,
  type CreateConfig,
  type DefineConfig,
  type VerifyConfig,
} from './config.schema';
import { parseEnvironment, type Environment } from './parse-environment';

/** Throws ConfigError naming the first variable that is out of range. */
export const readDefineConfig = (env: Environment): DefineConfig => parseEnvironment(defineConfigSchema, env);
export const readCreateConfig = (env: Environment): CreateConfig => parseEnvironment(createConfigSchema, env);
export const readVerifyConfig = (env: Environment): VerifyConfig => parseEnvironment(verifyConfigSchema, env);
