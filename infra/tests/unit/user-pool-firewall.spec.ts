import { Testing } from 'cdktf';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IP_REPUTATION_RULE_GROUP, UserPoolFirewall, type UserPoolFirewallProps } from '../../src/constructs/user-pool-firewall.js';
import { devInput, placeholderBundles, prodInput } from '../helpers/fixtures.js';
import { type Block, parseSynth, synthStack } from '../helpers/synth.js';

interface WafRule {
  Name: string;
  Priority: number;
  Action?: Record<string, unknown>;
  OverrideAction?: Record<string, unknown>;
  Statement: Record<string, Record<string, unknown>>;
  VisibilityConfig: { CloudWatchMetricsEnabled: boolean; MetricName: string; SampledRequestsEnabled: boolean };
}

describe('UserPoolFirewall', () => {
  const props: UserPoolFirewallProps = {
    name: 'app-dev-user-pool',
    region: 'eu-west-1',
    userPoolArn: 'POOL_ARN',
    settings: { requestsPerIp: 2_000, windowSeconds: 300, blockedRequestsPer5Minutes: 500 },
    alarmNamePrefix: 'app-dev-',
    topicArn: 'TOPIC_ARN',
  };
  const synth = (overrides: Partial<UserPoolFirewallProps> = {}) =>
    parseSynth(
      Testing.synthScope((scope) => {
        new UserPoolFirewall(scope, 'firewall', { ...props, ...overrides });
      }),
    );
  const webAclOf = (terraform: ReturnType<typeof parseSynth>) => Object.values(terraform.resource['aws_wafv2_web_acl'] ?? {})[0] as Block;
  const rulesOf = (webAcl: Block) => JSON.parse(webAcl['rule_json']) as WafRule[];

  it('is a regional web ACL that lets requests through unless a rule blocks them, with metrics and samples on', () => {
    const webAcl = webAclOf(synth());

    expect(webAcl).toMatchObject({
      name: 'app-dev-user-pool',
      scope: 'REGIONAL',
      default_action: { allow: {} },
      visibility_config: { cloudwatch_metrics_enabled: true, metric_name: 'app-dev-user-pool', sampled_requests_enabled: true },
    });
    for (const rule of rulesOf(webAcl)) expect(rule.VisibilityConfig).toMatchObject({ CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true });
  });

  it('blocks addresses on the AWS IP reputation list first', () => {
    const [reputation] = rulesOf(webAclOf(synth()));

    expect(reputation).toMatchObject({
      Name: 'ip-reputation',
      Priority: 0,
      OverrideAction: { None: {} },
      Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: IP_REPUTATION_RULE_GROUP } },
    });
  });

  it('blocks a client IP past the configured requests in the configured window', () => {
    const [, rate] = rulesOf(webAclOf(synth({ settings: { ...props.settings, requestsPerIp: 750, windowSeconds: 120 } })));

    expect(rate).toMatchObject({
      Name: 'rate-per-ip',
      Priority: 1,
      Action: { Block: {} },
      Statement: { RateBasedStatement: { Limit: 750, EvaluationWindowSec: 120, AggregateKeyType: 'IP' } },
    });
  });

  it('is associated with the user pool', () => {
    const [association] = Object.values(synth().resource['aws_wafv2_web_acl_association'] ?? {});

    expect(association).toMatchObject({ resource_arn: 'POOL_ARN', web_acl_arn: expect.stringMatching(/^\$\{aws_wafv2_web_acl\.[\w-]+\.arn\}$/) });
  });

  it('alarms on blocked requests of the whole web ACL, on the topic, with its runbook entry', () => {
    const [alarm] = Object.values(synth().resource['aws_cloudwatch_metric_alarm'] ?? {});

    expect(alarm).toMatchObject({
      alarm_name: 'app-dev-waf-blocked-requests',
      namespace: 'AWS/WAFV2',
      metric_name: 'BlockedRequests',
      dimensions: { WebACL: 'app-dev-user-pool', Region: 'eu-west-1', Rule: 'ALL' },
      statistic: 'Sum',
      period: 300,
      threshold: 500,
      comparison_operator: 'GreaterThanOrEqualToThreshold',
      alarm_actions: ['TOPIC_ARN'],
      ok_actions: ['TOPIC_ARN'],
    });
    expect(alarm?.['alarm_description']).toMatch(/Runbook: docs\/operations\.md#waf-blocked-requests$/);
  });

  it('has its runbook entry and its sizing note in docs/operations.md', () => {
    const runbook = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'operations.md'), 'utf8');

    expect(runbook).toMatch(/^### WAF blocked requests$/m);
    expect(runbook).toMatch(/^### WAF rate limit$/m);
  });
});

describe.each([
  ['dev', devInput, false],
  ['prod', prodInput, true],
])('the %s stack', (_environment, input, wafOn) => {
  const terraform = parseSynth(synthStack(input(), placeholderBundles()).json);

  it(`${wafOn ? 'puts' : 'does not put'} a web ACL in front of its user pool`, () => {
    const associations = Object.values(terraform.resource['aws_wafv2_web_acl_association'] ?? {});
    const [poolId] = Object.keys(terraform.resource['aws_cognito_user_pool'] ?? {});

    expect(associations).toHaveLength(wafOn ? 1 : 0);
    if (wafOn) expect(associations[0]?.['resource_arn']).toBe(`\${aws_cognito_user_pool.${poolId}.arn}`);
  });
});
