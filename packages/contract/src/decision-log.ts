import type { TriggerName } from './trigger-names';
import type { SignInFlow } from './trigger-variables';

/**
 * The one JSON line each trigger logs per decision, which the metric filters
 * of the infrastructure match on. The names here are the only copy: the core
 * types its lines with them and infra builds its filter patterns from them,
 * so a renamed value breaks the build of both sides instead of silently
 * starving an alarm.
 */

/** The `trigger` field of each trigger's lines. */
export const DECISION_LOG_TRIGGERS = /* @__PURE__ */ Object.freeze({
  'define-auth-challenge': 'define',
  'create-auth-challenge': 'create',
  'verify-auth-challenge': 'verify',
} as const satisfies Record<TriggerName, string>);
export type DecisionLogTrigger = (typeof DECISION_LOG_TRIGGERS)[TriggerName];
/** The `trigger` field of one trigger's lines, by trigger name. */
export type DecisionLogTriggerOf<T extends TriggerName> = (typeof DECISION_LOG_TRIGGERS)[T];

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

/** `outcome` of a Create that could not hand the code email to SES. */
export const EMAIL_FAILED_OUTCOME = 'email-failed';
/** `outcome` of a Verify that failed for any other reason than the store. */
export const VERIFY_ERROR_OUTCOME = 'error';

/** `reason` of Define's `fail` outcome. */
export const DEFINE_FAIL_REASONS = [
  /** A wrong code at the MAX_CODE_ATTEMPTS-th compared answer. */
  'attempts-exhausted',
  /** A resend request past the resends one sign-in may ask for. */
  'resends-exhausted',
  /** password-then-code was started without SRP, so no password can be checked. */
  'password-required',
  /** Cognito's own SRP password check answered false. */
  'password-failed',
  /** The history is not a path this flow can produce. */
  'invalid-session',
  /** `request.session` or `request.userNotFound` is not what Cognito sends. */
  'malformed-event',
] as const;
export type DefineFailReason = (typeof DEFINE_FAIL_REASONS)[number];

/** Every `outcome` each trigger logs: its decisions, then its failures. */
export const DECISION_OUTCOMES = /* @__PURE__ */ Object.freeze({
  define: ['password-verifier', 'custom-challenge', 'issue-tokens', 'fail'],
  create: ['code-sent', 'decoy', 'resend-wait', 'retry', 'expired', LIMITED_OUTCOME, STORE_FAILED_OUTCOME, EMAIL_FAILED_OUTCOME],
  verify: [
    'correct',
    'wrong-code',
    'expired',
    'malformed-answer',
    'resend-requested',
    'no-challenge',
    'user-not-found',
    LIMITED_OUTCOME,
    'malformed-event',
    STORE_FAILED_OUTCOME,
    VERIFY_ERROR_OUTCOME,
  ],
} as const satisfies Record<DecisionLogTrigger, readonly string[]>);
export type DecisionOutcome<T extends DecisionLogTrigger = DecisionLogTrigger> = (typeof DECISION_OUTCOMES)[T][number];

/** The reasons the contract names (the filters match on them); a line may carry others, e.g. a delivery failure's. */
export type DecisionReason = DefineFailReason | SignInLimitReason | StoreFailureReason;

/**
 * A decision line's own fields (Powertools adds level, message, timestamp,
 * service and the request id). Never the code, the answer, the address or
 * the event: `user` is the masked identity.
 */
export type DecisionLogLine<T extends DecisionLogTrigger = DecisionLogTrigger> = {
  readonly trigger: T;
  /** The user's `sub`, or the masked username when there is none. */
  readonly user: string;
  /** Cognito's `request.userNotFound`: the username does not exist. */
  readonly userNotFound: boolean;
  readonly outcome: DecisionOutcome<T>;
  /** Why: a fail, limited, store-failed, decoy or email-failed outcome's reason. */
  readonly reason?: string;
  /** Define only: the configured SIGN_IN_FLOW. */
  readonly flow?: SignInFlow;
  /** The custom challenge round this decision is about, counted from 1. */
  readonly round?: number;
  /** Resend requests in this sign-in so far. */
  readonly resends?: number;
  /** Create only: answers left to this code. */
  readonly attemptsLeft?: number;
  /** Verify only: what Cognito is told. */
  readonly answerCorrect?: boolean;
  /** A failure's error class name (never its message, which can quote the address). */
  readonly errorName?: string;
};

/** What a trigger adds to a line beyond who it is about. */
export type DecisionLogFields<T extends DecisionLogTrigger = DecisionLogTrigger> = Omit<DecisionLogLine<T>, 'trigger' | 'user' | 'userNotFound'>;

/** The fields of a line a filter pattern may test, by name. */
export type DecisionLogField = keyof DecisionLogLine;

/**
 * The message of the error a trigger raises when a limit is reached. Cognito
 * shows it to the client as `CreateAuthChallenge failed with error <message>.`
 * (UserLambdaValidationException), which is how the page and the CLI know.
 */
export const SIGN_IN_LIMIT_MESSAGE = 'Too many sign-in attempts. Try again later.';
