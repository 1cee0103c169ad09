import type { TriggerName } from './trigger-names';

/**
 * The environment variables of the triggers: each is defined here once, with
 * its bounds and default, and read from here by the core's config parsing,
 * infra's typed configuration and the local stack's pass-through.
 */
export interface WholeNumberVariable {
  readonly kind: 'whole-number';
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly defaultValue: number;
  readonly description: string;
}

export interface ChoiceVariable<T extends string = string> {
  readonly kind: 'choice';
  readonly name: string;
  readonly values: readonly T[];
  readonly defaultValue: T;
  readonly description: string;
}

export interface TextVariable {
  readonly kind: 'text';
  readonly name: string;
  readonly description: string;
}

export type TriggerVariable = WholeNumberVariable | ChoiceVariable | TextVariable;

export const SIGN_IN_FLOWS = ['passwordless', 'password-then-code'] as const;
export type SignInFlow = (typeof SIGN_IN_FLOWS)[number];

const wholeNumber = (name: string, min: number, max: number, defaultValue: number, description: string): WholeNumberVariable =>
  /* @__PURE__ */ Object.freeze({ kind: 'whole-number', name, min, max, defaultValue, description });

export const SIGN_IN_FLOW: ChoiceVariable<SignInFlow> = /* @__PURE__ */ Object.freeze({
  kind: 'choice',
  name: 'SIGN_IN_FLOW',
  values: SIGN_IN_FLOWS,
  defaultValue: 'passwordless',
  description: 'passwordless: the emailed code alone; password-then-code: the password (SRP), then the code',
});

export const MAX_CODE_ATTEMPTS = wholeNumber('MAX_CODE_ATTEMPTS', 1, 10, 3, 'answers allowed to one code within one sign-in');
export const CODE_LENGTH = wholeNumber('CODE_LENGTH', 6, 10, 6, 'digits in the emailed code');
export const CODE_TTL_SECONDS = wholeNumber('CODE_TTL_SECONDS', 60, 900, 300, 'how long a code is accepted, in seconds');
export const MAX_CODES_PER_HOUR = wholeNumber('MAX_CODES_PER_HOUR', 1, 100, 5, 'code emails per username per rolling hour');
export const MAX_FAILED_ANSWERS_PER_DAY = wholeNumber(
  'MAX_FAILED_ANSWERS_PER_DAY',
  1,
  1_000_000,
  30,
  'wrong answers per username per rolling 24 hours',
);
export const RESEND_COOLDOWN_SECONDS = wholeNumber('RESEND_COOLDOWN_SECONDS', 0, 300, 30, 'minimum gap between two code emails of one sign-in');

export const SIGN_IN_STATE_TABLE: TextVariable = /* @__PURE__ */ Object.freeze({
  kind: 'text',
  name: 'SIGN_IN_STATE_TABLE',
  description: 'name of the DynamoDB table of per-user sign-in state',
});

/**
 * The highest chance a configuration may give an attacker of guessing one
 * user's code in a day: MAX_FAILED_ANSWERS_PER_DAY / 10^CODE_LENGTH. Loading a
 * configuration above it fails.
 */
export const MAX_DAILY_GUESS_PROBABILITY = 1e-4;

export function dailyGuessProbability(maxFailedAnswersPerDay: number, codeLength: number): number {
  return maxFailedAnswersPerDay / 10 ** codeLength;
}

/** Which variables of the sign-in contract each trigger reads (email settings are the delivery package's). */
export const TRIGGER_SIGN_IN_VARIABLES = /* @__PURE__ */ Object.freeze({
  'define-auth-challenge': [SIGN_IN_FLOW, MAX_CODE_ATTEMPTS],
  'create-auth-challenge': [
    MAX_CODE_ATTEMPTS,
    CODE_LENGTH,
    CODE_TTL_SECONDS,
    MAX_CODES_PER_HOUR,
    MAX_FAILED_ANSWERS_PER_DAY,
    RESEND_COOLDOWN_SECONDS,
    SIGN_IN_STATE_TABLE,
  ],
  'verify-auth-challenge': [CODE_LENGTH, CODE_TTL_SECONDS, MAX_FAILED_ANSWERS_PER_DAY, SIGN_IN_STATE_TABLE],
} satisfies Record<TriggerName, readonly TriggerVariable[]>);
