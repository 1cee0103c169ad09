import { TRIGGER_NAMES } from '@cognito-passwordless/contract';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { Testing } from 'cdktf';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnvironmentConfig } from '../../src/config/parse-environment-config.js';
import { RUNBOOK_FILE, SignInAlarms, type SignInAlarmsProps } from '../../src/constructs/sign-in-alarms.js';
import { devInput, placeholderBundles, prodInput } from '../helpers/fixtures.js';
import { whyMetricIsMissing } from '../helpers/stack-metrics.js';
import { type Block, parseSynth, synthStack } from '../helpers/synth.js';

const PROPS: SignInAlarmsProps = {
  alarmNamePrefix: 'app-dev-',
  namespace: 'app/dev',
  topicArn: 'TOPIC_ARN',
  functionNames: {
    'define-auth-challenge': 'app-dev-define-auth-challenge',
    'create-auth-challenge': 'app-dev-create-auth-challenge',
    'verify-auth-challenge': 'app-dev-verify-auth-challenge',
  },
  thresholds: { wrongAnswersPer5Minutes: 40, unknownUserAttemptsPer5Minutes: 50, limitedSignInsPer5Minutes: 20 },
  stateTable: { tableName: 'app-dev-sign-in-state', operations: ['GetItem', 'UpdateItem'] },
};

/** 3 per trigger, email delivery, 2 SES reputation, guessing, enumeration, 2 limits, store failures, 2 per table operation. */
const ALARM_COUNT = 21;

const NOTIFIES_TOPIC = { alarm_actions: ['TOPIC_ARN'], ok_actions: ['TOPIC_ARN'] };
const FIVE_MINUTES = { period: 300, evaluation_periods: 1, datapoints_to_alarm: 1 };

/** GitHub's anchor for a Markdown heading. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

describe('SignInAlarms', () => {
  const json = Testing.synthScope((scope) => {
    new SignInAlarms(scope, 'alarms', PROPS);
  });
  const alarms: Block[] = Object.values(parseSynth(json).resource['aws_cloudwatch_metric_alarm'] ?? {});

  describe.each(TRIGGER_NAMES)('for the %s function', (trigger) => {
    const lambda = { namespace: 'AWS/Lambda', dimensions: { FunctionName: `app-dev-${trigger}` } };

    it('alarms on any error in 5 minutes', () => {
      expect(json).toHaveResourceWithProperties(CloudwatchMetricAlarm, {
        alarm_name: `app-dev-${trigger}-errors`,
        ...lambda,
        metric_name: 'Errors',
        statistic: 'Sum',
        ...FIVE_MINUTES,
        comparison_operator: 'GreaterThanThreshold',
        threshold: 0,
        treat_missing_data: 'notBreaching',
        ...NOTIFIES_TOPIC,
      });
    });

    it('alarms on any throttle in 5 minutes', () => {
      expect(json).toHaveResourceWithProperties(CloudwatchMetricAlarm, {
        alarm_name: `app-dev-${trigger}-throttles`,
        ...lambda,
        metric_name: 'Throttles',
        statistic: 'Sum',
        ...FIVE_MINUTES,
        comparison_operator: 'GreaterThanThreshold',
        threshold: 0,
        treat_missing_data: 'notBreaching',
        ...NOTIFIES_TOPIC,
      });
    });

    it('alarms when p99 duration over 5 minutes reaches 4,000 ms, however few the invocations', () => {
      expect(json).toHaveResourceWithProperties(CloudwatchMetricAlarm, {
        alarm_name: `app-dev-${trigger}-duration-p99`,
        ...lambda,
        metric_name: 'Duration',
        extended_statistic: 'p99',
        evaluate_low_sample_count_percentiles: 'evaluate',
        ...FIVE_MINUTES,
        comparison_operator: 'GreaterThanOrEqualToThreshold',
        threshold: 4000,
        treat_missing_data: 'notBreaching',
        ...NOTIFIES_TOPIC,
      });
    });
  });

  it('alarms on any email delivery failure in 5 minutes', () => {
    expect(json).toHaveResourceWithProperties(CloudwatchMetricAlarm, {
      alarm_name: 'app-dev-email-delivery-failures',
      namespace: 'app/dev',
      metric_name: 'EmailDeliveryFailures',
      statistic: 'Sum',
      ...FIVE_MINUTES,
      comparison_operator: 'GreaterThanThreshold',
      threshold: 0,
      treat_missing_data: 'notBreaching',
      ...NOTIFIES_TOPIC,
    });
  });

  it.each([
    ['bounce', 'Reputation.BounceRate', 0.05],
    ['complaint', 'Reputation.ComplaintRate', 0.001],
  ])('alarms when the SES account %s rate reaches its review level, keeping its state while SES is silent', (kind, metric, threshold) => {
    expect(json).toHaveResourceWithProperties(CloudwatchMetricAlarm, {
      alarm_name: `app-dev-ses-${kind}-rate`,
      namespace: 'AWS/SES',
      metric_name: metric,
      statistic: 'Maximum',
      period: 3600,
      evaluation_periods: 1,
      comparison_operator: 'GreaterThanOrEqualToThreshold',
      threshold,
      treat_missing_data: 'ignore',
      ...NOTIFIES_TOPIC,
    });
    const alarm = alarms.find((candidate) => candidate['alarm_name'] === `app-dev-ses-${kind}-rate`);
    expect(alarm).not.toHaveProperty('dimensions');
  });

  it.each([
    ['wrong answers (guessing)', 'app-dev-wrong-answers', 'WrongAnswers', 40],
    ['unknown-user attempts (enumeration)', 'app-dev-unknown-user-attempts', 'UnknownUserAttempts', 50],
  ])('alarms on a sudden rise of %s above the configured 5-minute threshold', (_what, name, metric, threshold) => {
    expect(json).toHaveResourceWithProperties(CloudwatchMetricAlarm, {
      alarm_name: name,
      namespace: 'app/dev',
      metric_name: metric,
      statistic: 'Sum',
      ...FIVE_MINUTES,
      comparison_operator: 'GreaterThanThreshold',
      threshold,
      treat_missing_data: 'notBreaching',
      ...NOTIFIES_TOPIC,
    });
  });

  it.each([
    ['codes per hour (email bombing)', 'app-dev-limited-codes-per-hour', 'LimitedByCodesPerHour'],
    ['wrong answers per day (guessing)', 'app-dev-limited-failed-answers', 'LimitedByFailedAnswers'],
  ])('alarms when the per-user limit of %s refuses more sign-ins in 5 minutes than configured', (_what, name, metric) => {
    expect(json).toHaveResourceWithProperties(CloudwatchMetricAlarm, {
      alarm_name: name,
      namespace: 'app/dev',
      metric_name: metric,
      statistic: 'Sum',
      ...FIVE_MINUTES,
      comparison_operator: 'GreaterThanThreshold',
      threshold: 20,
      treat_missing_data: 'notBreaching',
      ...NOTIFIES_TOPIC,
    });
  });

  it('alarms on any state store failure in 5 minutes', () => {
    expect(json).toHaveResourceWithProperties(CloudwatchMetricAlarm, {
      alarm_name: 'app-dev-state-store-failures',
      namespace: 'app/dev',
      metric_name: 'StateStoreFailures',
      statistic: 'Sum',
      ...FIVE_MINUTES,
      comparison_operator: 'GreaterThanThreshold',
      threshold: 0,
      treat_missing_data: 'notBreaching',
      ...NOTIFIES_TOPIC,
    });
  });

  describe.each(['GetItem', 'UpdateItem'])('for %s on the state table', (operation) => {
    it.each([
      ['throttled-requests', 'ThrottledRequests'],
      ['system-errors', 'SystemErrors'],
    ])('alarms on any %s in 5 minutes', (suffix, metric) => {
      expect(json).toHaveResourceWithProperties(CloudwatchMetricAlarm, {
        alarm_name: `app-dev-state-table-${operation.toLowerCase()}-${suffix}`,
        namespace: 'AWS/DynamoDB',
        metric_name: metric,
        dimensions: { TableName: 'app-dev-sign-in-state', Operation: operation },
        statistic: 'Sum',
        ...FIVE_MINUTES,
        comparison_operator: 'GreaterThanThreshold',
        threshold: 0,
        treat_missing_data: 'notBreaching',
        ...NOTIFIES_TOPIC,
      });
    });
  });

  it('has exactly these 21 alarms, each named with the prefix and notifying on ALARM and OK', () => {
    expect(alarms).toHaveLength(ALARM_COUNT);
    for (const alarm of alarms) {
      expect(alarm['alarm_name']).toMatch(/^app-dev-/);
      expect(alarm).toMatchObject(NOTIFIES_TOPIC);
      expect(['notBreaching', 'ignore']).toContain(alarm['treat_missing_data']);
    }
  });

  it('points every alarm at its runbook entry, and the entry exists', () => {
    const runbook = readFileSync(join(__dirname, '..', '..', '..', RUNBOOK_FILE), 'utf8');
    const anchors = new Set([...runbook.matchAll(/^#{2,4} (.+)$/gm)].map((heading) => anchorOf(heading[1]!)));

    for (const alarm of alarms) {
      const anchor = new RegExp(`Runbook: ${RUNBOOK_FILE}#([\\w-]+)$`).exec(alarm['alarm_description'])?.[1];
      expect(anchor).toBeDefined();
      expect(anchors).toContain(anchor);
    }
  });
});

describe.each([
  ['dev', devInput],
  ['prod', prodInput],
])('the alarms of the %s stack', (_environment, input) => {
  const terraform = parseSynth(synthStack(input(), placeholderBundles()).json);
  const alarms: Block[] = Object.values(terraform.resource['aws_cloudwatch_metric_alarm'] ?? {});

  it('watch only metrics this stack produces', () => {
    // The sign-in alarms, and the WAF alarm where the environment has WAF on.
    expect(alarms.length).toBe(ALARM_COUNT + (parseEnvironmentConfig(input()).waf.enabled ? 1 : 0));
    for (const alarm of alarms) {
      const missing = whyMetricIsMissing(terraform, {
        namespace: alarm['namespace'],
        metricName: alarm['metric_name'],
        dimensions: alarm['dimensions'] ?? {},
      });
      expect(missing).toBeUndefined();
    }
  });

  it('notify the stack\'s topic, which admits exactly these alarm names', () => {
    const [topicId] = Object.keys(terraform.resource['aws_sns_topic'] ?? {});
    const topicPolicy = Object.values(terraform.data?.['aws_iam_policy_document'] ?? {}).find((doc) =>
      doc.statement.some((statement: Block) => statement['sid'] === 'CloudWatchAlarmsOfThisStack'),
    );
    const sourceArn: string = topicPolicy?.statement[0].condition.find((condition: Block) => condition['variable'] === 'aws:SourceArn').values[0];
    const namePattern = new RegExp(`^${sourceArn.replace(/^.*:alarm:/, '').replace('*', '.*')}$`);

    for (const alarm of alarms) {
      expect(alarm['alarm_actions']).toEqual([`\${aws_sns_topic.${topicId}.arn}`]);
      expect(alarm['ok_actions']).toEqual([`\${aws_sns_topic.${topicId}.arn}`]);
      expect(alarm['alarm_name']).toMatch(namePattern);
    }
  });

  it('take the guessing and enumeration thresholds from the configuration', () => {
    const threshold = (suffix: string) => alarms.find((alarm) => String(alarm['alarm_name']).endsWith(suffix))?.['threshold'];

    expect(threshold('-wrong-answers')).toBe(input().alarms.wrongAnswersPer5Minutes);
    expect(threshold('-unknown-user-attempts')).toBe(input().alarms.unknownUserAttemptsPer5Minutes);
    expect(threshold('-limited-codes-per-hour')).toBe(input().alarms.limitedSignInsPer5Minutes);
    expect(threshold('-limited-failed-answers')).toBe(input().alarms.limitedSignInsPer5Minutes);
  });
});
