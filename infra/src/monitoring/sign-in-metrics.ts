import {
  EMAIL_FAILED_OUTCOME,
  LIMITED_OUTCOME,
  SIGN_IN_LIMIT_REASONS,
  type SignInLimitReason,
  STORE_FAILED_OUTCOME,
  type TriggerName,
} from '@cognito-passwordless/contract';
import type { EnvironmentConfig } from '../config/environment-config.schema.js';
import { allOf, anyOf, decisionLinesOf, filterPattern } from './decision-filter-pattern.js';

/**
 * The sign-in metrics, each counted by a CloudWatch Logs metric filter over
 * the one JSON line a trigger writes per decision (Powertools logger; fields
 * `trigger`, `outcome`, `reason`, `round`, `userNotFound`, ...). No metrics
 * library goes into the bundles: the filters do the counting.
 *
 * Each metric counts a thing that happens at most once per log line, so every
 * filter emits 1 on a match and 0 otherwise (`defaultValue`), which keeps the
 * metric continuous while the trigger runs and lets alarms tell "nothing
 * happened" (0) from "no traffic" (missing). CloudWatch refuses a default
 * value on a filter with dimensions, so these metrics have none: one
 * namespace per environment tells them apart instead.
 */
export interface SignInMetric {
  /**
   * The triggers whose log groups hold the lines: one filter per log group,
   * each writing this metric (CloudWatch sums them).
   */
  readonly triggers: readonly TriggerName[];
  /** CloudWatch Logs filter pattern over the triggers' JSON lines. */
  readonly pattern: string;
  /** What one count is, for operators (dashboard and docs/operations.md). */
  readonly description: string;
}

const define = decisionLinesOf('define-auth-challenge');
const create = decisionLinesOf('create-auth-challenge');
const verify = decisionLinesOf('verify-auth-challenge');
/** The two triggers that read the state table and enforce the per-user limits. */
const createOrVerify = decisionLinesOf('create-auth-challenge', 'verify-auth-challenge');

export const SIGN_IN_METRICS = {
  CodesSent: {
    triggers: create.triggers,
    pattern: filterPattern(allOf(create.writtenBy('create-auth-challenge'), create.outcomeIs('code-sent'))),
    description: 'A code was emailed (first round of a sign-in for a user with a verified address)',
  },
  TokensIssued: {
    triggers: define.triggers,
    pattern: filterPattern(allOf(define.writtenBy('define-auth-challenge'), define.outcomeIs('issue-tokens'))),
    description: 'A sign-in succeeded: Define told Cognito to issue tokens',
  },
  WrongAnswers: {
    triggers: verify.triggers,
    // Refused answers of existing users while the code was live: a wrong code, something that
    // is not a code, or any answer to a decoy (a user whose address cannot get a code).
    // Expired codes and unknown users have metrics of their own.
    pattern: filterPattern(
      allOf(
        verify.writtenBy('verify-auth-challenge'),
        anyOf(verify.outcomeIs('wrong-code'), verify.outcomeIs('malformed-answer'), verify.outcomeIs('no-challenge')),
      ),
    ),
    description: 'An answer of an existing user was refused (wrong code, not a code, or no code was sent)',
  },
  ExpiredCodes: {
    triggers: verify.triggers,
    // Verify, not Create: Create logs "expired" only when a retry round follows, so it misses
    // an expired answer on the last attempt. Each answer after expiry counts; in practice the
    // client then offers a new code or a new sign-in, so this is close to one per expired code.
    pattern: filterPattern(allOf(verify.writtenBy('verify-auth-challenge'), verify.outcomeIs('expired'))),
    description: 'An answer arrived after its code had expired',
  },
  AttemptsExhausted: {
    triggers: define.triggers,
    // Existing users only: an unknown user's session also ends this way, and is counted as an unknown-user attempt.
    pattern: filterPattern(
      allOf(
        define.writtenBy('define-auth-challenge'),
        define.outcomeIs('fail'),
        define.reasonIs('attempts-exhausted'),
        define.userNotFoundIs(false),
      ),
    ),
    description: 'A sign-in of an existing user failed after the last allowed wrong answer',
  },
  UnknownUserAttempts: {
    triggers: define.triggers,
    // Define's first decision of each attempt, which is written once per InitiateAuth in both
    // flows: round 1 of the code in passwordless, the password step in password-then-code.
    // Create's decoy (reason "user-not-found") would miss password-then-code, where Cognito's
    // own password check ends an unknown user's attempt before Create ever runs.
    pattern: filterPattern(
      allOf(
        define.writtenBy('define-auth-challenge'),
        define.userNotFoundIs(true),
        anyOf(define.outcomeIs('password-verifier'), allOf(define.outcomeIs('custom-challenge'), define.roundIs(1))),
      ),
    ),
    description: 'A sign-in attempt for a user that does not exist (each InitiateAuth counts once)',
  },
  EmailDeliveryFailures: {
    triggers: create.triggers,
    pattern: filterPattern(allOf(create.writtenBy('create-auth-challenge'), create.outcomeIs(EMAIL_FAILED_OUTCOME))),
    description: 'SES did not accept a code email in time; the user got an error instead of a code',
  },
  ...limitMetrics({
    'codes-per-hour': {
      name: 'LimitedByCodesPerHour',
      description: 'A sign-in was refused because its username had been sent the most code emails allowed in the last hour',
    },
    'failed-answers-per-day': {
      name: 'LimitedByFailedAnswers',
      description: 'A sign-in or an answer was refused because its username had given the most wrong answers allowed in 24 hours',
    },
  }),
  StateStoreFailures: {
    triggers: createOrVerify.triggers,
    // Any reason: a reason the adapter adds later must not slip past the alarm. The runbook
    // breaks the count down by reason with a Logs Insights query.
    pattern: filterPattern(createOrVerify.outcomeIs(STORE_FAILED_OUTCOME)),
    description: 'The sign-in state table could not be read or updated (missing, throttled, slow, unreachable, denied): the user got an error and no code',
  },
} as const satisfies Record<string, SignInMetric>;

/**
 * One metric per limit of the contract, each counting the `limited` lines of
 * its reason from Create and Verify, for existing and unknown usernames
 * alike. Typed by the contract's reasons: a limit added there does not build
 * until it has a metric here.
 */
function limitMetrics<const N extends string>(
  metrics: Record<SignInLimitReason, { readonly name: N; readonly description: string }>,
): Record<N, SignInMetric> {
  const entries = SIGN_IN_LIMIT_REASONS.map((reason) => [
    metrics[reason].name,
    {
      triggers: createOrVerify.triggers,
      pattern: filterPattern(allOf(createOrVerify.outcomeIs(LIMITED_OUTCOME), createOrVerify.reasonIs(reason))),
      description: metrics[reason].description,
    } satisfies SignInMetric,
  ]);
  return Object.fromEntries(entries) as Record<N, SignInMetric>;
}

export type SignInMetricName = keyof typeof SIGN_IN_METRICS;

export const SIGN_IN_METRIC_NAMES = Object.keys(SIGN_IN_METRICS) as SignInMetricName[];

/** One namespace per environment, so two stacks in one account never mix their counts. */
export function metricNamespaceOf(config: Pick<EnvironmentConfig, 'namePrefix' | 'environment'>): string {
  return `${config.namePrefix}/${config.environment}`;
}
