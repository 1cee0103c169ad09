import { TRIGGER_NAMES } from '@cognito-passwordless/contract';
import { CloudwatchDashboard } from '@cdktf/provider-aws/lib/cloudwatch-dashboard';
import { Testing } from 'cdktf';
import { parseEnvironmentConfig } from '../../src/config/parse-environment-config.js';
import { SignInDashboard } from '../../src/constructs/sign-in-dashboard.js';
import { type DashboardBody, dashboardBody, type DashboardInput } from '../../src/monitoring/dashboard-body.js';
import { SIGN_IN_METRIC_NAMES } from '../../src/monitoring/sign-in-metrics.js';
import { devInput, placeholderBundles, prodInput } from '../helpers/fixtures.js';
import { decodeJsonencode } from '../helpers/jsonencode.js';
import { metricOfDashboardRow, whyMetricIsMissing } from '../helpers/stack-metrics.js';
import { parseSynth, synthStack } from '../helpers/synth.js';

const INPUT: DashboardInput = {
  stackName: 'app-dev',
  region: 'eu-west-1',
  namespace: 'app/dev',
  functionNames: {
    'define-auth-challenge': 'app-dev-define-auth-challenge',
    'create-auth-challenge': 'app-dev-create-auth-challenge',
    'verify-auth-challenge': 'app-dev-verify-auth-challenge',
  },
  alarmArns: ['ALARM_1', 'ALARM_2'],
  thresholds: { durationP99Ms: 4000, sesBounceRate: 0.05, sesComplaintRate: 0.001 },
  runbook: 'docs/operations.md',
  stateTable: { tableName: 'app-dev-sign-in-state', operations: ['GetItem', 'UpdateItem'] },
};

const metricWidgets = (body: DashboardBody) => body.widgets.filter((widget) => widget.type === 'metric');
const rowsOf = (body: DashboardBody, title: RegExp) =>
  (metricWidgets(body).find((widget) => title.test(String(widget.properties['title'])))?.properties['metrics'] ?? []) as unknown[][];

describe('dashboardBody', () => {
  const body = dashboardBody(INPUT);

  it('is a JSON document CloudWatch can store as is', () => {
    expect(JSON.parse(JSON.stringify(body))).toEqual(body);
  });

  it('lays every widget out on the 24-column grid without overlaps', () => {
    const cells = new Set<string>();
    for (const widget of body.widgets) {
      expect(widget.x + widget.width).toBeLessThanOrEqual(24);
      for (let x = widget.x; x < widget.x + widget.width; x++) {
        for (let y = widget.y; y < widget.y + widget.height; y++) {
          expect(cells.has(`${x},${y}`)).toBe(false);
          cells.add(`${x},${y}`);
        }
      }
    }
  });

  it('shows the funnel from codes sent to tokens issued', () => {
    expect(rowsOf(body, /funnel/).map((row) => row[1])).toEqual(['CodesSent', 'TokensIssued']);
  });

  it('shows every kind of failure', () => {
    expect(rowsOf(body, /Failures by kind/).map((row) => row[1])).toEqual([
      'WrongAnswers',
      'ExpiredCodes',
      'AttemptsExhausted',
      'UnknownUserAttempts',
      'EmailDeliveryFailures',
    ]);
  });

  it('shows p50 and p99 duration, errors and throttles of each function', () => {
    const statsOf = (title: RegExp, metric: string) =>
      rowsOf(body, title)
        .filter((row) => row[1] === metric)
        .map((row) => `${row[3]} ${(row[4] as { stat: string }).stat}`);

    expect(statsOf(/duration/, 'Duration')).toEqual(TRIGGER_NAMES.flatMap((name) => [`app-dev-${name} p50`, `app-dev-${name} p99`]));
    expect(statsOf(/errors and throttles/, 'Errors')).toEqual(TRIGGER_NAMES.map((name) => `app-dev-${name} Sum`));
    expect(statsOf(/errors and throttles/, 'Throttles')).toEqual(TRIGGER_NAMES.map((name) => `app-dev-${name} Sum`));
  });

  it('shows SES sends, bounces and complaints, and the reputation rates against their alarm levels', () => {
    expect(rowsOf(body, /sends, bounces, complaints/).map((row) => row[1])).toEqual(['Send', 'Bounce', 'Complaint']);
    expect(rowsOf(body, /reputation/).map((row) => row[1])).toEqual(['Reputation.BounceRate', 'Reputation.ComplaintRate']);
  });

  it('shows the sign-ins refused by each per-user limit and the state store failures', () => {
    expect(rowsOf(body, /Per-user limits/).map((row) => row[1])).toEqual([
      'LimitedByCodesPerHour',
      'LimitedByFailedAnswers',
      'StateStoreFailures',
    ]);
  });

  it("shows the state table's throttles and system errors per operation, its consumed units and its latency", () => {
    const rows = (title: RegExp) => rowsOf(body, title).map((row) => row.slice(0, -1).join(' '));

    expect(rows(/state table \(DynamoDB\)/)).toEqual([
      'AWS/DynamoDB ThrottledRequests TableName app-dev-sign-in-state Operation GetItem',
      'AWS/DynamoDB ThrottledRequests TableName app-dev-sign-in-state Operation UpdateItem',
      'AWS/DynamoDB SystemErrors TableName app-dev-sign-in-state Operation GetItem',
      'AWS/DynamoDB SystemErrors TableName app-dev-sign-in-state Operation UpdateItem',
      'AWS/DynamoDB ConsumedReadCapacityUnits TableName app-dev-sign-in-state',
      'AWS/DynamoDB ConsumedWriteCapacityUnits TableName app-dev-sign-in-state',
    ]);
    expect(rows(/latency/)).toEqual([
      'AWS/DynamoDB SuccessfulRequestLatency TableName app-dev-sign-in-state Operation GetItem',
      'AWS/DynamoDB SuccessfulRequestLatency TableName app-dev-sign-in-state Operation UpdateItem',
    ]);
  });

  it('shows the state of every alarm it is given', () => {
    expect(body.widgets.find((widget) => widget.type === 'alarm')?.properties['alarms']).toEqual(['ALARM_1', 'ALARM_2']);
  });
});

describe('SignInDashboard', () => {
  it('has Terraform encode the body, so references inside it resolve', () => {
    const json = Testing.synthScope((scope) => {
      new SignInDashboard(scope, 'dashboard', { ...INPUT, name: 'app-dev' });
    });

    expect(json).toHaveResourceWithProperties(CloudwatchDashboard, {
      dashboard_name: 'app-dev',
      dashboard_body: expect.stringMatching(/^\$\{jsonencode\(\{.*\}\)\}$/s),
    });
  });
});

describe.each([
  ['dev', devInput],
  ['prod', prodInput],
])('the dashboard of the %s stack', (_environment, input) => {
  const terraform = parseSynth(synthStack(input(), placeholderBundles()).json);
  const dashboards = Object.values(terraform.resource['aws_cloudwatch_dashboard'] ?? {});
  const body = decodeJsonencode(dashboards[0]?.['dashboard_body']) as DashboardBody;
  const rows = metricWidgets(body).flatMap((widget) => widget.properties['metrics'] as unknown[][]);

  it('is one dashboard named after the stack, whose body decodes to JSON', () => {
    expect(dashboards).toHaveLength(1);
    expect(dashboards[0]?.['dashboard_name']).toBe(`cognito-passwordless-${input().environment}`);
    expect(JSON.parse(JSON.stringify(body))).toEqual(body);
    expect(body.widgets.length).toBeGreaterThan(5);
  });

  it('shows only metrics this stack produces', () => {
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) expect(whyMetricIsMissing(terraform, metricOfDashboardRow(row))).toBeUndefined();
  });

  it('shows every sign-in metric', () => {
    const shown = new Set(rows.map((row) => metricOfDashboardRow(row).metricName));

    for (const metric of SIGN_IN_METRIC_NAMES) expect(shown).toContain(metric);
  });

  it('shows the state of every alarm of the stack, and of nothing else', () => {
    const alarmIds = Object.keys(terraform.resource['aws_cloudwatch_metric_alarm'] ?? {});
    const shown = body.widgets.find((widget) => widget.type === 'alarm')?.properties['alarms'] as string[];

    // 21 sign-in alarms, and the WAF alarm where the environment has WAF on.
    expect(alarmIds).toHaveLength(21 + (parseEnvironmentConfig(input()).waf.enabled ? 1 : 0));
    expect([...shown].sort()).toEqual(alarmIds.map((id) => `\${aws_cloudwatch_metric_alarm.${id}.arn}`).sort());
  });
});
