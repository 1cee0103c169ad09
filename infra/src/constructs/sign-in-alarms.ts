import { TRIGGER_NAMES, type TriggerName } from '@cognito-passwordless/contract';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { Construct } from 'constructs';
import type { AlarmsConfig } from '../config/environment-config.schema.js';
import {
  DYNAMODB_NAMESPACE,
  type DynamodbOperationMetricName,
  LAMBDA_NAMESPACE,
  type LambdaMetricName,
  SES_NAMESPACE,
  type SesAccountMetricName,
} from '../monitoring/aws-metrics.js';
import type { SignInMetricName } from '../monitoring/sign-in-metrics.js';

/** Every alarm but SES reputation looks at 5-minute windows. */
export const ALARM_PERIOD_SECONDS = 300;
/** Cognito waits about 5 s for a trigger; a p99 of 4 s leaves one second before users see errors. */
export const TRIGGER_DURATION_P99_THRESHOLD_MS = 4_000;
/** SES reviews an account from a 5 % bounce rate and a 0.1 % complaint rate (the metrics are fractions). */
export const SES_BOUNCE_RATE_THRESHOLD = 0.05;
export const SES_COMPLAINT_RATE_THRESHOLD = 0.001;
/** SES recomputes its reputation rates over a representative volume, not per minute: one reading an hour is enough. */
export const SES_REPUTATION_PERIOD_SECONDS = 3_600;

/** Where each alarm's runbook entry is, relative to the workspace root. */
export const RUNBOOK_FILE = 'docs/operations.md';
export const RUNBOOK_ANCHORS = {
  triggerErrors: 'trigger-errors',
  triggerThrottles: 'trigger-throttles',
  triggerDuration: 'trigger-duration-p99',
  emailDeliveryFailures: 'email-delivery-failures',
  sesBounceRate: 'ses-bounce-rate',
  sesComplaintRate: 'ses-complaint-rate',
  wrongAnswers: 'wrong-answers-guessing',
  unknownUserAttempts: 'unknown-user-attempts-enumeration',
  limitedByCodesPerHour: 'sign-ins-limited-codes-per-hour',
  limitedByFailedAnswers: 'sign-ins-limited-failed-answers',
  stateStoreFailures: 'state-store-failures',
  stateTableThrottledRequests: 'state-table-throttled-requests',
  stateTableSystemErrors: 'state-table-system-errors',
} as const;

/**
 * CloudWatch's treat_missing_data values used here:
 * - notBreaching: no data means nothing happened (no invocation, no sign-in),
 *   which is healthy;
 * - ignore: no data says nothing new, so the alarm keeps its state.
 */
type MissingData = 'notBreaching' | 'ignore';

interface AlarmSpec {
  readonly name: string;
  readonly description: string;
  readonly runbook: string;
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions?: Record<string, string>;
  readonly statistic?: 'Sum' | 'Maximum';
  readonly extendedStatistic?: string;
  readonly period: number;
  readonly comparisonOperator: 'GreaterThanThreshold' | 'GreaterThanOrEqualToThreshold';
  readonly threshold: number;
  readonly treatMissingData: MissingData;
}

export interface SignInAlarmsProps {
  /** Every alarm's name starts with it (the topic policy admits only these alarms). */
  readonly alarmNamePrefix: string;
  /** The namespace of the sign-in metrics. */
  readonly namespace: string;
  /** Notified on ALARM and on OK. */
  readonly topicArn: string;
  readonly functionNames: Readonly<Record<TriggerName, string>>;
  readonly thresholds: Pick<AlarmsConfig, 'wrongAnswersPer5Minutes' | 'unknownUserAttemptsPer5Minutes' | 'limitedSignInsPer5Minutes'>;
  /** The sign-in state table and the item operations the triggers call on it. */
  readonly stateTable: { readonly tableName: string; readonly operations: readonly string[] };
}

/**
 * The alarms that tell operators sign-in is breaking before users do: each
 * trigger's errors, throttles and p99 duration; code emails SES did not take;
 * the account's SES reputation; and a sudden rise of wrong answers or
 * unknown-user attempts (guessing, enumeration). Each notifies the topic when
 * it fires and when it recovers, and names its runbook entry.
 */
export class SignInAlarms extends Construct {
  readonly alarms: readonly CloudwatchMetricAlarm[];
  private readonly props: SignInAlarmsProps;

  constructor(scope: Construct, id: string, props: SignInAlarmsProps) {
    super(scope, id);
    this.props = props;
    this.alarms = [
      ...TRIGGER_NAMES.flatMap((trigger) => this.triggerAlarms(trigger)),
      this.create({
        name: 'email-delivery-failures',
        description: 'Code emails SES did not accept in time: those users got an error instead of a code.',
        runbook: RUNBOOK_ANCHORS.emailDeliveryFailures,
        ...this.signInMetric('EmailDeliveryFailures'),
        comparisonOperator: 'GreaterThanThreshold',
        threshold: 0,
        // The filter writes 0 for every other Create line, so missing means Create did not run: nothing failed.
        treatMissingData: 'notBreaching',
      }),
      this.create({
        name: 'ses-bounce-rate',
        description: `SES account bounce rate at or above ${SES_BOUNCE_RATE_THRESHOLD * 100} %: SES reviews the account from here, and pauses sending further up.`,
        runbook: RUNBOOK_ANCHORS.sesBounceRate,
        ...this.sesReputation('Reputation.BounceRate'),
        threshold: SES_BOUNCE_RATE_THRESHOLD,
      }),
      this.create({
        name: 'ses-complaint-rate',
        description: `SES account complaint rate at or above ${SES_COMPLAINT_RATE_THRESHOLD * 100} %: SES reviews the account from here, and pauses sending further up.`,
        runbook: RUNBOOK_ANCHORS.sesComplaintRate,
        ...this.sesReputation('Reputation.ComplaintRate'),
        threshold: SES_COMPLAINT_RATE_THRESHOLD,
      }),
      this.create({
        name: 'wrong-answers',
        description: `More than ${props.thresholds.wrongAnswersPer5Minutes} wrong answers of existing users in 5 minutes: someone may be guessing codes.`,
        runbook: RUNBOOK_ANCHORS.wrongAnswers,
        ...this.signInMetric('WrongAnswers'),
        comparisonOperator: 'GreaterThanThreshold',
        threshold: props.thresholds.wrongAnswersPer5Minutes,
        // No Verify lines at all: nobody answered, nobody guessed.
        treatMissingData: 'notBreaching',
      }),
      this.create({
        name: 'unknown-user-attempts',
        description: `More than ${props.thresholds.unknownUserAttemptsPer5Minutes} sign-in attempts for users that do not exist in 5 minutes: someone may be probing for accounts.`,
        runbook: RUNBOOK_ANCHORS.unknownUserAttempts,
        ...this.signInMetric('UnknownUserAttempts'),
        comparisonOperator: 'GreaterThanThreshold',
        threshold: props.thresholds.unknownUserAttemptsPer5Minutes,
        // No Define lines at all: nobody tried to sign in.
        treatMissingData: 'notBreaching',
      }),
      ...this.stateAlarms(),
    ];
  }

  /** Per-user limits refusing sign-ins in bulk, and the state table failing the triggers. */
  private stateAlarms(): CloudwatchMetricAlarm[] {
    const { limitedSignInsPer5Minutes } = this.props.thresholds;
    const table = (operation: string, metricName: DynamodbOperationMetricName) => ({
      namespace: DYNAMODB_NAMESPACE,
      metricName,
      dimensions: { TableName: this.props.stateTable.tableName, Operation: operation },
      statistic: 'Sum' as const,
      period: ALARM_PERIOD_SECONDS,
      comparisonOperator: 'GreaterThanThreshold' as const,
      threshold: 0,
      // DynamoDB publishes these only for periods with requests of that operation: none, nothing failed.
      treatMissingData: 'notBreaching' as const,
    });
    return [
      this.create({
        name: 'limited-codes-per-hour',
        description: `More than ${limitedSignInsPer5Minutes} sign-ins in 5 minutes refused because their username had used up its code emails for the hour: someone may be email-bombing users.`,
        runbook: RUNBOOK_ANCHORS.limitedByCodesPerHour,
        ...this.signInMetric('LimitedByCodesPerHour'),
        comparisonOperator: 'GreaterThanThreshold',
        threshold: limitedSignInsPer5Minutes,
        // No Create or Verify lines at all: nobody signed in, nobody was refused.
        treatMissingData: 'notBreaching',
      }),
      this.create({
        name: 'limited-failed-answers',
        description: `More than ${limitedSignInsPer5Minutes} sign-ins or answers in 5 minutes refused because their username had used up its wrong answers for the day: someone may be guessing codes.`,
        runbook: RUNBOOK_ANCHORS.limitedByFailedAnswers,
        ...this.signInMetric('LimitedByFailedAnswers'),
        comparisonOperator: 'GreaterThanThreshold',
        threshold: limitedSignInsPer5Minutes,
        treatMissingData: 'notBreaching',
      }),
      this.create({
        name: 'state-store-failures',
        description: 'The triggers could not read or update the sign-in state table: those users got an error and no code.',
        runbook: RUNBOOK_ANCHORS.stateStoreFailures,
        ...this.signInMetric('StateStoreFailures'),
        comparisonOperator: 'GreaterThanThreshold',
        threshold: 0,
        treatMissingData: 'notBreaching',
      }),
      ...this.props.stateTable.operations.flatMap((operation) => [
        this.create({
          name: `state-table-${operation.toLowerCase()}-throttled-requests`,
          description: `DynamoDB throttled ${operation} requests on the sign-in state table: the triggers retry briefly, then refuse the sign-in.`,
          runbook: RUNBOOK_ANCHORS.stateTableThrottledRequests,
          ...table(operation, 'ThrottledRequests'),
        }),
        this.create({
          name: `state-table-${operation.toLowerCase()}-system-errors`,
          description: `DynamoDB answered ${operation} requests on the sign-in state table with a server error (HTTP 500).`,
          runbook: RUNBOOK_ANCHORS.stateTableSystemErrors,
          ...table(operation, 'SystemErrors'),
        }),
      ]),
    ];
  }

  private triggerAlarms(trigger: TriggerName): CloudwatchMetricAlarm[] {
    const lambda = (metricName: LambdaMetricName) => ({
      namespace: LAMBDA_NAMESPACE,
      metricName,
      dimensions: { FunctionName: this.props.functionNames[trigger] },
      period: ALARM_PERIOD_SECONDS,
    });
    return [
      this.create({
        name: `${trigger}-errors`,
        description: `The ${trigger} trigger failed: Cognito answered those sign-ins with UserLambdaValidationException.`,
        runbook: RUNBOOK_ANCHORS.triggerErrors,
        ...lambda('Errors'),
        statistic: 'Sum',
        comparisonOperator: 'GreaterThanThreshold',
        threshold: 0,
        // Lambda publishes Errors only for periods with invocations: no invocation, no error.
        treatMissingData: 'notBreaching',
      }),
      this.create({
        name: `${trigger}-throttles`,
        description: `Lambda refused to run the ${trigger} trigger (concurrency limit): those sign-ins failed.`,
        runbook: RUNBOOK_ANCHORS.triggerThrottles,
        ...lambda('Throttles'),
        statistic: 'Sum',
        comparisonOperator: 'GreaterThanThreshold',
        threshold: 0,
        // Published only with invocation attempts: none means nothing was refused.
        treatMissingData: 'notBreaching',
      }),
      this.create({
        name: `${trigger}-duration-p99`,
        description: `The ${trigger} trigger's p99 duration reached ${TRIGGER_DURATION_P99_THRESHOLD_MS} ms; Cognito gives up after about 5 s.`,
        runbook: RUNBOOK_ANCHORS.triggerDuration,
        ...lambda('Duration'),
        extendedStatistic: 'p99',
        comparisonOperator: 'GreaterThanOrEqualToThreshold',
        threshold: TRIGGER_DURATION_P99_THRESHOLD_MS,
        // No invocations, no duration to judge: quiet hours are healthy.
        treatMissingData: 'notBreaching',
      }),
    ];
  }

  private signInMetric(metricName: SignInMetricName) {
    return { namespace: this.props.namespace, metricName, statistic: 'Sum' as const, period: ALARM_PERIOD_SECONDS };
  }

  private sesReputation(metricName: SesAccountMetricName) {
    return {
      namespace: SES_NAMESPACE,
      metricName,
      statistic: 'Maximum' as const,
      period: SES_REPUTATION_PERIOD_SECONDS,
      comparisonOperator: 'GreaterThanOrEqualToThreshold' as const,
      // SES publishes these rates irregularly (not at all before the first bounce or complaint).
      // A late reading is no news: a bad reputation does not heal by going quiet, so the alarm
      // keeps its state until SES reports a rate again.
      treatMissingData: 'ignore' as const,
    };
  }

  private create(spec: AlarmSpec): CloudwatchMetricAlarm {
    const alarmName = `${this.props.alarmNamePrefix}${spec.name}`;
    return new CloudwatchMetricAlarm(this, spec.name, {
      alarmName,
      alarmDescription: `${spec.description} Runbook: ${RUNBOOK_FILE}#${spec.runbook}`,
      namespace: spec.namespace,
      metricName: spec.metricName,
      dimensions: spec.dimensions,
      statistic: spec.statistic,
      extendedStatistic: spec.extendedStatistic,
      // Even a single slow invocation is a user who nearly got an error: judge p99 on any sample count.
      ...(spec.extendedStatistic === undefined ? {} : { evaluateLowSampleCountPercentiles: 'evaluate' }),
      period: spec.period,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      comparisonOperator: spec.comparisonOperator,
      threshold: spec.threshold,
      treatMissingData: spec.treatMissingData,
      alarmActions: [this.props.topicArn],
      okActions: [this.props.topicArn],
    });
  }
}
