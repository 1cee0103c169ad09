import { CloudwatchLogMetricFilter } from '@cdktf/provider-aws/lib/cloudwatch-log-metric-filter';
import { Testing } from 'cdktf';
import { parseEnvironmentConfig } from '../../src/config/parse-environment-config.js';
import { SignInMetricFilters } from '../../src/constructs/sign-in-metric-filters.js';
import {
  LIMITED_OUTCOME,
  SIGN_IN_LIMIT_REASONS,
  type SignInLimitReason,
  STORE_FAILED_OUTCOME,
  STORE_FAILURE_REASONS,
  TRIGGER_NAMES,
  type TriggerName,
} from '@cognito-passwordless/contract';
import {
  metricNamespaceOf,
  type SignInMetric,
  SIGN_IN_METRIC_NAMES,
  SIGN_IN_METRICS,
  type SignInMetricName,
} from '../../src/monitoring/sign-in-metrics.js';
import { compileFilterPattern } from '../helpers/filter-pattern.js';
import { devInput, placeholderBundles } from '../helpers/fixtures.js';
import { parseSynth, synthStack } from '../helpers/synth.js';
import { captureTriggerLogLines, type CapturedLines, type LogLine, SCENARIOS, type Scenario } from '../helpers/trigger-log-lines.js';

const LOG_GROUPS: Record<TriggerName, string> = {
  'define-auth-challenge': '/aws/lambda/app-dev-define-auth-challenge',
  'create-auth-challenge': '/aws/lambda/app-dev-create-auth-challenge',
  'verify-auth-challenge': '/aws/lambda/app-dev-verify-auth-challenge',
};

describe('SignInMetricFilters', () => {
  const json = Testing.synthScope((scope) => {
    new SignInMetricFilters(scope, 'metrics', { namespace: 'app/dev', logGroupNames: LOG_GROUPS });
  });
  const filters = Object.values(parseSynth(json).resource['aws_cloudwatch_log_metric_filter'] ?? {});

  it.each(SIGN_IN_METRIC_NAMES)('counts %s on the log group of each trigger that logs it: 1 per match, else 0', (name) => {
    const metric: SignInMetric = SIGN_IN_METRICS[name];

    expect(metric.triggers.length).toBeGreaterThan(0);
    for (const trigger of metric.triggers) {
      expect(json).toHaveResourceWithProperties(CloudwatchLogMetricFilter, {
        name,
        log_group_name: LOG_GROUPS[trigger],
        pattern: metric.pattern,
        metric_transformation: { namespace: 'app/dev', name, value: '1', default_value: '0', unit: 'Count' },
      });
    }
  });

  it('creates one filter per metric and log group, and nothing else', () => {
    const expected = SIGN_IN_METRIC_NAMES.flatMap((name) => SIGN_IN_METRICS[name].triggers.map((trigger) => `${name} ${LOG_GROUPS[trigger]}`));

    expect(filters.map((filter) => `${filter['name']} ${filter['log_group_name']}`).sort()).toEqual(expected.sort());
    expect(Object.keys(parseSynth(json).resource)).toEqual(['aws_cloudwatch_log_metric_filter']);
  });

  it('reads the limit and store failure metrics from both Create and Verify', () => {
    for (const name of ['LimitedByCodesPerHour', 'LimitedByFailedAnswers', 'StateStoreFailures'] as const) {
      expect(SIGN_IN_METRICS[name].triggers).toEqual(['create-auth-challenge', 'verify-auth-challenge']);
    }
  });

  it('builds the limit and store patterns from the contract values, one limit metric per contract reason', () => {
    const limitPatterns = SIGN_IN_METRIC_NAMES.map((name) => SIGN_IN_METRICS[name].pattern).filter((pattern) => pattern.includes(`"${LIMITED_OUTCOME}"`));

    expect(limitPatterns).toEqual(SIGN_IN_LIMIT_REASONS.map((reason) => `{ ($.outcome = "${LIMITED_OUTCOME}") && ($.reason = "${reason}") }`));
    expect(SIGN_IN_METRICS.StateStoreFailures.pattern).toBe(`{ $.outcome = "${STORE_FAILED_OUTCOME}" }`);
  });

  it('gives no filter dimensions, which CloudWatch refuses next to a default value', () => {
    for (const filter of filters) expect(filter['metric_transformation']).not.toHaveProperty('dimensions');
  });

  it('puts every environment in a namespace of its own', () => {
    expect(metricNamespaceOf({ namePrefix: 'cognito-passwordless', environment: 'dev' })).toBe('cognito-passwordless/dev');
    expect(metricNamespaceOf({ namePrefix: 'cognito-passwordless', environment: 'prod' })).toBe('cognito-passwordless/prod');
  });
});

type Counts = Record<SignInMetricName, number>;

const LIMIT_METRIC: Record<SignInLimitReason, SignInMetricName> = {
  'codes-per-hour': 'LimitedByCodesPerHour',
  'failed-answers-per-day': 'LimitedByFailedAnswers',
};

function parseLine(line: string): Record<string, unknown> | undefined {
  try {
    const event: unknown = JSON.parse(line);
    return typeof event === 'object' && event !== null ? (event as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A decision line as the triggers write them (Powertools JSON, Lambda's JSON log format), for a kind no bundle writes yet. */
function constructedLine(
  kind: { trigger: 'create-auth-challenge' | 'verify-auth-challenge'; outcome: string; reason: string },
  userNotFound: boolean,
): LogLine {
  const short = kind.trigger.replace('-auth-challenge', '');
  const failed = kind.outcome === STORE_FAILED_OUTCOME;
  return {
    trigger: kind.trigger,
    line: JSON.stringify({
      level: failed ? 'ERROR' : 'INFO',
      message: `${kind.trigger} ${failed ? 'failed' : 'decision'}`,
      timestamp: '2026-01-01T00:00:00.000Z',
      service: kind.trigger,
      trigger: short,
      outcome: kind.outcome,
      reason: kind.reason,
      round: 1,
      userNotFound,
      user: 'k3yedh4sh0fth3us3rnam3',
    }),
  };
}

const NONE: Counts = {
  CodesSent: 0,
  TokensIssued: 0,
  WrongAnswers: 0,
  ExpiredCodes: 0,
  AttemptsExhausted: 0,
  UnknownUserAttempts: 0,
  EmailDeliveryFailures: 0,
  LimitedByCodesPerHour: 0,
  LimitedByFailedAnswers: 0,
  StateStoreFailures: 0,
};

/** What each sign-in must add to each metric: one attempt counts once, and nothing counts twice. */
const EXPECTED: Record<Scenario, Partial<Counts>> = {
  'passwordless sign-in': { CodesSent: 1, TokensIssued: 1 },
  'passwordless sign-in opened with SRP_A': { CodesSent: 1, TokensIssued: 1 },
  'sign-in after one wrong code': { CodesSent: 1, WrongAnswers: 1, TokensIssued: 1 },
  'attempts used up (wrong, malformed, wrong)': { CodesSent: 1, WrongAnswers: 3, AttemptsExhausted: 1 },
  'answer after the code expired': { CodesSent: 1, ExpiredCodes: 1 },
  // Three refused answers and a session that ran out of attempts, all of them one unknown-user attempt.
  'unknown user': { UnknownUserAttempts: 1 },
  'unknown user opened with SRP_A': { UnknownUserAttempts: 1 },
  // No code can be sent: the answer to the decoy is refused like a wrong code.
  'known user without a verified email': { WrongAnswers: 1 },
  'email delivery failure': { EmailDeliveryFailures: 1 },
  'password-then-code sign-in': { CodesSent: 1, TokensIssued: 1 },
  'password-then-code, wrong password': {},
  'password-then-code, unknown user': { UnknownUserAttempts: 1 },
  // Cognito never sends these; each trigger refuses them as malformed before any state work, and no user's answer was wrong.
  'malformed events': {},
  // The first sign-in sends a code; the second is refused before any email.
  'code emails per hour used up': { CodesSent: 1, LimitedByCodesPerHour: 1 },
  // One wrong answer reaches the daily limit of 1; the right code after it is refused by the limit, not compared.
  'wrong answers per day used up': { CodesSent: 1, WrongAnswers: 1, LimitedByFailedAnswers: 1 },
  'state table unreachable': { StateStoreFailures: 1 },
};

describe('the metric filters of the stack, run over the lines the built trigger bundles write', () => {
  const config = parseEnvironmentConfig(devInput());
  const terraform = parseSynth(synthStack(devInput(), placeholderBundles()).json);
  /** Each deployed filter: its metric, its pattern, and the trigger whose log group it reads. */
  const deployed = Object.values(terraform.resource['aws_cloudwatch_log_metric_filter'] ?? {}).map((filter) => {
    const group = /^\$\{aws_cloudwatch_log_group\.([a-z-]+)_log_group_\w+\.name\}$/.exec(filter['log_group_name'])?.[1];
    const trigger = TRIGGER_NAMES.find((name) => name === group);
    if (trigger === undefined) throw new Error(`filter ${filter['name']} reads no trigger's log group: ${filter['log_group_name']}`);
    return {
      metric: filter['metric_transformation'].name as SignInMetricName,
      trigger,
      matches: compileFilterPattern(filter['pattern']),
    };
  });
  /** A filter sees only the lines of its own log group, as in CloudWatch Logs. */
  const countsOf = (lines: readonly LogLine[]): Counts => {
    const counts = { ...NONE };
    for (const filter of deployed) {
      counts[filter.metric] += lines.filter(({ trigger, line }) => trigger === filter.trigger && filter.matches(line)).length;
    }
    return counts;
  };

  let captured: CapturedLines;
  beforeAll(async () => {
    captured = await captureTriggerLogLines(config);
  }, 60_000);
  const linesOf = (scenario: Scenario) => captured.get(scenario) ?? [];
  const allLines = () => [...captured.values()].flat();

  it('deploys every sign-in metric', () => {
    expect([...new Set(deployed.map((filter) => filter.metric))].sort()).toEqual([...SIGN_IN_METRIC_NAMES].sort());
  });

  /**
   * The `limited` and `store-failed` lines of Create and Verify, one per
   * trigger, outcome and reason: the lines the bundles write where any of the
   * scenarios produced them, and lines built from the contract's values for
   * the kinds no bundle writes yet (the per-user limits come with the state
   * store), in the shape of the other decision lines.
   */
  const stateLines = () => {
    const real = allLines().filter(({ line }) => {
      const event = parseLine(line);
      return event?.['outcome'] === LIMITED_OUTCOME || event?.['outcome'] === STORE_FAILED_OUTCOME;
    });
    const kinds = (['create-auth-challenge', 'verify-auth-challenge'] as const).flatMap((trigger) => [
      ...SIGN_IN_LIMIT_REASONS.map((reason) => ({ trigger, outcome: LIMITED_OUTCOME, reason, metric: LIMIT_METRIC[reason] })),
      ...STORE_FAILURE_REASONS.map((reason) => ({ trigger, outcome: STORE_FAILED_OUTCOME, reason, metric: 'StateStoreFailures' as const })),
    ]);
    return kinds.flatMap((kind) => {
      const bundleLines = real.filter(({ trigger, line }) => {
        const event = parseLine(line);
        return trigger === kind.trigger && event?.['outcome'] === kind.outcome && event['reason'] === kind.reason;
      });
      const lines = bundleLines.length > 0 ? bundleLines : [false, true].map((userNotFound) => constructedLine(kind, userNotFound));
      return lines.map((entry) => ({ ...kind, entry, fromBundle: bundleLines.length > 0 }));
    });
  };

  it('counts every limited and store-failed line once, under the metric of its outcome and reason', () => {
    const lines = stateLines();

    expect(lines.length).toBeGreaterThanOrEqual(2 * (SIGN_IN_LIMIT_REASONS.length + STORE_FAILURE_REASONS.length));
    for (const { entry, metric } of lines) expect(countsOf([entry])).toEqual({ ...NONE, [metric]: 1 });
  });

  it('knows the reason of every limited or store-failed line the bundles write', () => {
    const known = new Set(stateLines().filter(({ fromBundle }) => fromBundle).map(({ entry }) => entry.line));
    const written = allLines().filter(({ line }) => [LIMITED_OUTCOME, STORE_FAILED_OUTCOME].includes(String(parseLine(line)?.['outcome'])));

    for (const entry of written) expect(known).toContain(entry.line);
  });

  it.each(SCENARIOS)('adds exactly the expected counts for "%s", and nothing to the other metrics', (scenario) => {
    expect(linesOf(scenario).length).toBeGreaterThan(0);
    expect(countsOf(linesOf(scenario))).toEqual({ ...NONE, ...EXPECTED[scenario] });
  });

  it('counts no line under two metrics', () => {
    for (const entry of allLines()) {
      const counted = deployed.filter((filter) => filter.trigger === entry.trigger && filter.matches(entry.line));
      expect(counted.length).toBeLessThanOrEqual(1);
    }
  });

  it('counts no line that is not a trigger decision (runtime error lines, warnings)', () => {
    const others = allLines().filter(({ line }) => !/"message":"(define|create|verify)-auth-challenge (decision|failed|refused)"/.test(line));

    expect(others.length).toBeGreaterThan(0);
    for (const entry of others) expect(countsOf([entry])).toEqual(NONE);
  });

  it('reads fields every decision line still has (trigger, outcome, userNotFound)', () => {
    const decisions = allLines()
      .filter(({ line }) => line.startsWith('{'))
      .map(({ line }) => JSON.parse(line) as Record<string, unknown>)
      .filter((event) => typeof event['message'] === 'string' && /-auth-challenge (decision|failed|refused)$/.test(event['message']));

    expect(decisions.length).toBeGreaterThan(40);
    for (const event of decisions) {
      expect(event).toEqual(
        expect.objectContaining({
          trigger: expect.stringMatching(/^(define|create|verify)$/),
          outcome: expect.any(String),
          userNotFound: expect.any(Boolean),
        }),
      );
    }
  });
});
