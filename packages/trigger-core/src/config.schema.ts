import * as v from 'valibot';

/**
 * The environment contract of the three triggers. Each function reads only its
 * own schema; a variable shared by two functions has one definition here.
 */

export const SIGN_IN_FLOWS = ['passwordless', 'password-then-code'] as const;
export type SignInFlow = (typeof SIGN_IN_FLOWS)[number];

function wholeNumber(min: number, max: number, defaultValue: number) {
  const allowed = `must be a whole number from ${min} to ${max}`;
  return v.pipe(
    v.optional(v.string(), String(defaultValue)),
    v.check((value) => /^[0-9]{1,6}$/.test(value), (issue) => `is "${String(issue.input).slice(0, 20)}": ${allowed}`),
    v.transform(Number),
    v.check((value) => value >= min && value <= max, (issue) => `is ${String(issue.input)}: ${allowed}`),
  );
}

const signInFlow = v.optional(
  v.picklist(SIGN_IN_FLOWS, (issue) => `is "${String(issue.input).slice(0, 40)}": must be one of ${SIGN_IN_FLOWS.join(', ')}`),
  'passwordless',
);

export const MAX_CODE_ATTEMPTS = wholeNumber(1, 10, 3);
export const CODE_LENGTH = wholeNumber(6, 10, 6);
export const CODE_TTL_SECONDS = wholeNumber(60, 900, 300);

export const defineConfigSchema = v.object({
  SIGN_IN_FLOW: signInFlow,
  MAX_CODE_ATTEMPTS,
});

export const createConfigSchema = v.object({
  MAX_CODE_ATTEMPTS,
  CODE_LENGTH,
  CODE_TTL_SECONDS,
});

export const verifyConfigSchema = v.object({
  CODE_LENGTH,
  CODE_TTL_SECONDS,
});

export type DefineConfig = Readonly<v.InferOutput<typeof defineConfigSchema>>;
export type CreateConfig = Readonly<v.InferOutput<typeof createConfigSchema>>;
export type VerifyConfig = Readonly<v.InferOutput<typeof verifyConfigSchema>>;
