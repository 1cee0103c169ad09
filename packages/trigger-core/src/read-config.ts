import { dailyGuessProbability, MAX_DAILY_GUESS_PROBABILITY } from '@cognito-passwordless/contract';
import {
  createConfigSchema,
  defineConfigSchema,
  verifyConfigSchema,
  type CreateConfig,
  type DefineConfig,
  type VerifyConfig,
} from './config.schema';
import { ConfigError } from './errors';
import { parseEnvironment, type Environment } from './parse-environment';

/**
 * MAX_FAILED_ANSWERS_PER_DAY / 10^CODE_LENGTH is an attacker's chance of
 * guessing one user's code in a day; a configuration above the contract's
 * bound is refused at load rather than deployed.
 */
function withinGuessingBound<T extends { readonly CODE_LENGTH: number; readonly MAX_FAILED_ANSWERS_PER_DAY: number }>(config: T): T {
  const chance = dailyGuessProbability(config.MAX_FAILED_ANSWERS_PER_DAY, config.CODE_LENGTH);
  if (chance <= MAX_DAILY_GUESS_PROBABILITY) return config;
  throw new ConfigError(
    'MAX_FAILED_ANSWERS_PER_DAY',
    `is ${config.MAX_FAILED_ANSWERS_PER_DAY} with CODE_LENGTH ${config.CODE_LENGTH}: MAX_FAILED_ANSWERS_PER_DAY / 10^CODE_LENGTH = ${chance} ` +
      `is above the allowed daily guessing chance of ${MAX_DAILY_GUESS_PROBABILITY}; lower MAX_FAILED_ANSWERS_PER_DAY or raise CODE_LENGTH`,
  );
}

/**
 * A resend gap longer than the code's life leaves a person whose email is
 * late with an expired code and nothing to do but wait; refused at load.
 */
function cooldownWithinCodeLife(config: CreateConfig): CreateConfig {
  if (config.RESEND_COOLDOWN_SECONDS <= config.CODE_TTL_SECONDS) return config;
  throw new ConfigError(
    'RESEND_COOLDOWN_SECONDS',
    `is ${config.RESEND_COOLDOWN_SECONDS} with CODE_TTL_SECONDS ${config.CODE_TTL_SECONDS}: the gap between resends must not be ` +
      `longer than a code lives; lower RESEND_COOLDOWN_SECONDS or raise CODE_TTL_SECONDS`,
  );
}

/** Throws ConfigError naming the first variable that is out of range. */
export const readDefineConfig = (env: Environment): DefineConfig => parseEnvironment(defineConfigSchema, env);
export const readCreateConfig = (env: Environment): CreateConfig =>
  cooldownWithinCodeLife(withinGuessingBound(parseEnvironment(createConfigSchema, env)));
export const readVerifyConfig = (env: Environment): VerifyConfig => withinGuessingBound(parseEnvironment(verifyConfigSchema, env));
