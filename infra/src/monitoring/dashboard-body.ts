import { TRIGGER_NAMES, type TriggerName } from '@cognito-passwordless/contract';
import {
  DYNAMODB_NAMESPACE,
  type DynamodbOperationMetricName,
  LAMBDA_NAMESPACE,
  type LambdaMetricName,
  SES_NAMESPACE,
  type SesAccountMetricName,
} from './aws-metrics.js';
import type { SignInMetricName } from './sign-in-metrics.js';

export interface DashboardInput {
  /** Shown in the header. */
  readonly stackName: string;
  readonly region: string;
  /** The namespace of the sign-in metrics. */
  readonly namespace: string;
  readonly functionNames: Readonly<Record<TriggerName, string>>;
  /** For the alarm status widget. */
  readonly alarmArns: readonly string[];
  /** Drawn as lines on the duration and reputation graphs. */
  readonly thresholds: {
    readonly durationP99Ms: number;
    readonly sesBounceRate: number;
    readonly sesComplaintRate: number;
  };
  /** Where operators read what each alarm means. */
  readonly runbook: string;
  /** The sign-in state table and the item operations the triggers call on it. */
  readonly stateTable: { readonly tableName: string; readonly operations: readonly string[] };
  /** Rows of optional parts (the WAF), below everything else. */
  readonly extraWidgets?: readonly DashboardWidget[];
}

/** Where the optional rows start: below the state table rows. */
export const EXTRA_WIDGETS_Y = 36;

/** One metric row of a widget: namespace, name, dimension name/value pairs, then rendering options. */
export type MetricRow = (string | Record<string, unknown>)[];

export interface DashboardWidget {
  readonly type: 'text' | 'metric' | 'alarm';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly properties: Record<string, unknown>;
}

/** The documented dashboard body structure of CloudWatch's PutDashboard. */
export interface DashboardBody {
  readonly widgets: readonly DashboardWidget[];
}

const PERIOD_SECONDS = 300;
/** Cognito's own limit for a trigger, drawn next to the alarm threshold. */
const COGNITO_TRIGGER_LIMIT_MS = 5_000;

/** The metric rows the widgets draw, by source. */
function metricRowsOf(input: DashboardInput) {
  // DynamoDB publishes request metrics per table and operation: one row per operation the triggers call.
  const { tableName, operations } = input.stateTable;
  return {
    signIn: (name: SignInMetricName, label: string): MetricRow => [input.namespace, name, { label, stat: 'Sum' }],
    lambda: (trigger: TriggerName, name: LambdaMetricName, options: Record<string, unknown>): MetricRow => [
      LAMBDA_NAMESPACE,
      name,
      'FunctionName',
      input.functionNames[trigger],
      options,
    ],
    stateTable: (name: DynamodbOperationMetricName, options: { stat: string; label: string }): MetricRow[] =>
      operations.map((operation) => [
        DYNAMODB_NAMESPACE,
        name,
        'TableName',
        tableName,
        'Operation',
        operation,
        { ...options, label: `${operation} ${options.label}` },
      ]),
    tableCapacity: (name: 'ConsumedReadCapacityUnits' | 'ConsumedWriteCapacityUnits', label: string): MetricRow => [
      DYNAMODB_NAMESPACE,
      name,
      'TableName',
      tableName,
      { stat: 'Sum', label, yAxis: 'right' },
    ],
    ses: (name: SesAccountMetricName, options: Record<string, unknown>): MetricRow => [SES_NAMESPACE, name, options],
  };
}

type MetricRows = ReturnType<typeof metricRowsOf>;
type Graph = (title: string, metrics: MetricRow[], extra?: Record<string, unknown>) => Record<string, unknown>;

function graphOf(input: DashboardInput): Graph {
  return (title, metrics, extra = {}) => ({
    view: 'timeSeries',
    region: input.region,
    title,
    period: PERIOD_SECONDS,
    metrics,
    ...extra,
  });
}

function widget(
  x: number,
  y: number,
  width: number,
  height: number,
  properties: Record<string, unknown>,
  type: DashboardWidget['type'] = 'metric',
): DashboardWidget {
  return { type, x, y, width, height, properties };
}

/** The funnel and the failures by kind. */
function signInWidgets({ signIn }: MetricRows, graph: Graph): DashboardWidget[] {
  return [
    widget(0, 2, 12, 6, graph('Sign-in funnel: codes sent → tokens issued', [
      signIn('CodesSent', 'Codes sent'),
      signIn('TokensIssued', 'Tokens issued'),
    ])),
    widget(12, 2, 12, 6, graph('Failures by kind', [
      signIn('WrongAnswers', 'Wrong answers'),
      signIn('ExpiredCodes', 'Expired codes'),
      signIn('AttemptsExhausted', 'Attempts used up'),
      signIn('UnknownUserAttempts', 'Unknown-user attempts'),
      signIn('EmailDeliveryFailures', 'Email delivery failures'),
    ])),
  ];
}

/** Each trigger's duration p50/p99, errors and throttles. */
function triggerWidgets({ lambda }: MetricRows, graph: Graph, input: DashboardInput): DashboardWidget[] {
  return [
    widget(0, 8, 12, 6, graph(
      'Trigger duration p50 / p99 (ms)',
      TRIGGER_NAMES.flatMap((trigger) => [
        lambda(trigger, 'Duration', { stat: 'p50', label: `${trigger} p50` }),
        lambda(trigger, 'Duration', { stat: 'p99', label: `${trigger} p99` }),
      ]),
      {
        annotations: {
          horizontal: [
            { label: 'p99 alarm', value: input.thresholds.durationP99Ms },
            { label: 'Cognito gives up', value: COGNITO_TRIGGER_LIMIT_MS },
          ],
        },
      },
    )),
    widget(12, 8, 12, 6, graph(
      'Trigger errors and throttles',
      TRIGGER_NAMES.flatMap((trigger) => [
        lambda(trigger, 'Errors', { stat: 'Sum', label: `${trigger} errors` }),
        lambda(trigger, 'Throttles', { stat: 'Sum', label: `${trigger} throttles` }),
      ]),
    )),
  ];
}

/** SES sending and reputation, for the whole account and region. */
function sesWidgets({ ses }: MetricRows, graph: Graph, input: DashboardInput): DashboardWidget[] {
  return [
    widget(0, 14, 12, 6, graph('SES (account): sends, bounces, complaints', [
      ses('Send', { stat: 'Sum', label: 'Sends' }),
      ses('Bounce', { stat: 'Sum', label: 'Bounces' }),
      ses('Complaint', { stat: 'Sum', label: 'Complaints' }),
    ])),
    widget(12, 14, 12, 6, graph(
      'SES (account) reputation',
      [
        ses('Reputation.BounceRate', { stat: 'Maximum', label: 'Bounce rate' }),
        ses('Reputation.ComplaintRate', { stat: 'Maximum', label: 'Complaint rate', yAxis: 'right' }),
      ],
      {
        period: 3_600,
        annotations: {
          horizontal: [
            { label: 'Bounce rate alarm', value: input.thresholds.sesBounceRate },
            { label: 'Complaint rate alarm', value: input.thresholds.sesComplaintRate, yAxis: 'right' },
          ],
        },
      },
    )),
  ];
}

/** The per-user limits, and the sign-in state table's errors, capacity and latency. */
function stateWidgets({ signIn, stateTable, tableCapacity }: MetricRows, graph: Graph): DashboardWidget[] {
  return [
    widget(0, 24, 12, 6, graph('Per-user limits and state store', [
      signIn('LimitedByCodesPerHour', 'Refused: codes per hour'),
      signIn('LimitedByFailedAnswers', 'Refused: wrong answers per day'),
      signIn('StateStoreFailures', 'State store failures'),
    ])),
    widget(12, 24, 12, 6, graph('Sign-in state table (DynamoDB)', [
      ...stateTable('ThrottledRequests', { stat: 'Sum', label: 'throttled' }),
      ...stateTable('SystemErrors', { stat: 'Sum', label: 'system errors' }),
      tableCapacity('ConsumedReadCapacityUnits', 'Read units'),
      tableCapacity('ConsumedWriteCapacityUnits', 'Write units'),
    ])),
    widget(0, 30, 12, 6, graph('Sign-in state table latency p99 (ms)', stateTable('SuccessfulRequestLatency', { stat: 'p99', label: 'p99' }))),
  ];
}

/**
 * The body of the environment's CloudWatch dashboard: header, sign-in funnel,
 * failures by kind, trigger duration p50/p99, errors and throttles, SES
 * sending and reputation, the state of every alarm, then the per-user limits
 * and the sign-in state table.
 */
export function dashboardBody(input: DashboardInput): DashboardBody {
  const rows = metricRowsOf(input);
  const graph = graphOf(input);
  const widgets = [
    widget(0, 0, 24, 2, {
      markdown: `# Sign-in: ${input.stackName}\nEmail-code sign-in on Cognito CUSTOM_AUTH, per 5 minutes. What each alarm means and what to do: \`${input.runbook}\`.`,
    }, 'text'),
    ...signInWidgets(rows, graph),
    ...triggerWidgets(rows, graph, input),
    ...sesWidgets(rows, graph, input),
    widget(0, 20, 24, 4, { title: 'Alarms', alarms: [...input.alarmArns] }, 'alarm'),
    ...stateWidgets(rows, graph),
    ...(input.extraWidgets ?? []),
  ];
  return { widgets };
}
