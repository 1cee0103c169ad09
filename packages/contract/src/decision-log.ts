/**
 * Values of the one JSON line each trigger logs per decision that the metric
 * filters of the infrastructure match on. A renamed value here breaks the
 * build of both sides instead of silently starving an alarm.
 */

/** `outcome` of a sign-in refused because a per-username limit was reached. */
export const LIMITED_OUTCOME = 'limited';
/** `reason` of a `limited` line: which limit. */
export const SIGN_IN_LIMIT_REASONS = ['codes-per-hour', 'failed-answers-per-day'] as const;
export type SignInLimitReason = (typeof SIGN_IN_LIMIT_REASONS)[number];

/** `outcome` of a decision that could not be made because the sign-in state store failed. */
export const STORE_FAILED_OUTCOME = 'store-failed';
/** `reason` of a `store-failed` line. */
export const STORE_FAILURE_REASONS = ['missing-table', 'throttled', 'timeout', 'unreachable', 'access-denied', 'other'] as const;
export type StoreFailureReason = (typeof STORE_FAILURE_REASONS)[number];

/**
 * The message of the error a trigger raises when a limit is reached. Cognito
 * shows it to the client as `CreateAuthChallenge failed with error <message>.`
 * (UserLambdaValidationException), which is how the page and the CLI know.
 */
export const SIGN_IN_LIMIT_MESSAGE = 'Too many sign-in attempts. Try again later.';
