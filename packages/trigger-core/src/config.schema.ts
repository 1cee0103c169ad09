import {
  CODE_LENGTH as CODE_LENGTH_VARIABLE,
  CODE_TTL_SECONDS as CODE_TTL_SECONDS_VARIABLE,
  MAX_CODE_ATTEMPTS as MAX_CODE_ATTEMPTS_VARIABLE,
  MAX_CODES_PER_HOUR as MAX_CODES_PER_HOUR_VARIABLE,
  MAX_FAILED_ANSWERS_PER_DAY as MAX_FAILED_ANSWERS_PER_DAY_VARIABLE,
  RESEND_COOLDOWN_SECONDS as RESEND_COOLDOWN_SECONDS_VARIABLE,
  SIGN_IN_FLOW as SIGN_IN_FLOW_VARIABLE,
  type ChoiceVariable,
  type WholeNumberVariable,
} from '@cognito-passwordless/contract';
import * as v from 'valibot';

/**
 * The environment contract of the three triggers, as valibot schemas built
 * from the contract package's definitions: the bounds and defaults are
 * written once, there. Each function reads only its own schema.
 */

function wholeNumber({ min, max, defaultValue }: WholeNumberVariable) {
  const allowed = `must be a whole number from ${min} to ${max}`;
  return v.pipe(
    v.optional(v.string(), String(defaultValue)),
    v.check((value) => /^[0-9]{1,9}$/.test(value), (issue) => `is "${String(issue.input).slice(0, 20)}": ${allowed}`),
    v.transform(Number),
    v.check((value) => value >= min && value <= max, (issue) => `is ${String(issue.input)}: ${allowed}`),
  );
}

function choice<T extends string>({ values, defaultValue }: ChoiceVariable<T>) {
  return v.optional(
    v.picklist(values, (issue) => `is "${String(issue.input).slice(0, 40)}": must be one of ${values.join(', ')}`),
    defaultValue,
  );
}

export const MAX_CODE_ATTEMPTS = wholeNumber(MAX_CODE_ATTEMPTS_VARIABLE);
export const CODE_LENGTH = wholeNumber(CODE_LENGTH_VARIABLE);
export const CODE_TTL_SECONDS = wholeNumber(CODE_TTL_SECONDS_VARIABLE);
export const MAX_CODES_PER_HOUR = wholeNumber(MAX_CODES_PER_HOUR_VARIABLE);
export const MAX_FAILED_ANSWERS_PER_DAY = wholeNumber(MAX_FAILED_ANSWERS_PER_DAY_VARIABLE);
export const RESEND_COOLDOWN_SECONDS = wholeNumber(RESEND_COOLDOWN_SECONDS_VARIABLE);

export const defineConfigSchema = v.object({
  SIGN_IN_FLOW: choice(SIGN_IN_FLOW_VARIABLE),
  MAX_CODE_ATTEMPTS,
});

export const createConfigSchema = v.object({
  MAX_CODE_ATTEMPTS,
  CODE_LENGTH,
  CODE_TTL_SECONDS,
  MAX_CODES_PER_HOUR,
  MAX_FAILED_ANSWERS_PER_DAY,
  RESEND_COOLDOWN_SECONDS,
});

export const verifyConfigSchema = v.object({
  CODE_LENGTH,
  CODE_TTL_SECONDS,
  MAX_FAILED_ANSWERS_PER_DAY,
});

export type DefineConfig = Readonly<v.InferOutput<typeof defineConfigSchema>>;
export type CreateConfig = Readonly<v.InferOutput<typeof createConfigSchema>>;
export type VerifyConfig = Readonly<v.InferOutput<typeof verifyConfigSchema>>;
