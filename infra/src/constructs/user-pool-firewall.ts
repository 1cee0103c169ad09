import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { Wafv2WebAcl } from '@cdktf/provider-aws/lib/wafv2-web-acl';
import { Wafv2WebAclAssociation } from '@cdktf/provider-aws/lib/wafv2-web-acl-association';
import { Construct } from 'constructs';
import type { WafConfig } from '../config/pool-protection.schema.js';
import type { DashboardWidget } from '../monitoring/dashboard-body.js';
import { ALARM_PERIOD_SECONDS, RUNBOOK_FILE } from './sign-in-alarms.js';

export const WAF_NAMESPACE = 'AWS/WAFV2';
/** Per web ACL, region and rule (`ALL` for the whole web ACL). */
export const WAF_METRICS = ['AllowedRequests', 'BlockedRequests'] as const;
export const WAF_RUNBOOK_ANCHOR = 'waf-blocked-requests';
/** The AWS managed rule group of addresses known for bots and other threats (25 WCUs, no extra fee). */
export const IP_REPUTATION_RULE_GROUP = 'AWSManagedRulesAmazonIpReputationList';

export interface UserPoolFirewallProps {
  /** Web ACL name (letters, digits, "-" and "_"); also the prefix of its metric names. */
  readonly name: string;
  readonly region: string;
  readonly userPoolArn: string;
  readonly settings: Pick<WafConfig, 'requestsPerIp' | 'windowSeconds' | 'blockedRequestsPer5Minutes'>;
  /** The alarm's name starts with it (the alarm topic admits only these alarms). */
  readonly alarmNamePrefix: string;
  readonly topicArn: string;
}

/**
 * A regional AWS WAF web ACL in front of the user pool's API: requests from
 * addresses on AWS's IP reputation list are blocked, and so is a client IP
 * past `requestsPerIp` requests in `windowSeconds` (rate-based rule), before
 * Cognito, its request quota or the triggers see them. Metrics and sampled
 * requests are on; one alarm watches the blocked requests.
 */
export class UserPoolFirewall extends Construct {
  readonly webAcl: Wafv2WebAcl;
  readonly alarm: CloudwatchMetricAlarm;
  readonly rateRuleMetricName: string;
  readonly reputationRuleMetricName: string;
  private readonly props: UserPoolFirewallProps;

  constructor(scope: Construct, id: string, props: UserPoolFirewallProps) {
    super(scope, id);
    this.props = props;
    this.rateRuleMetricName = `${props.name}-rate-per-ip`;
    this.reputationRuleMetricName = `${props.name}-ip-reputation`;
    const visibility = (metricName: string) => ({ cloudwatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true });

    // rule_json (the WAF API's own JSON) rather than `rule` blocks: the bindings type a rule's
    // statement as `any`, which CDKTF's HCL output writes as an attribute Terraform refuses.
    const visibilityJson = (metricName: string) => ({ CloudWatchMetricsEnabled: true, MetricName: metricName, SampledRequestsEnabled: true });
    this.webAcl = new Wafv2WebAcl(this, 'web_acl', {
      name: props.name,
      description: 'In front of the Cognito user pool: IP reputation list and a rate limit per client IP',
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      ruleJson: JSON.stringify([
        {
          Name: 'ip-reputation',
          Priority: 0,
          OverrideAction: { None: {} },
          Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: IP_REPUTATION_RULE_GROUP } },
          VisibilityConfig: visibilityJson(this.reputationRuleMetricName),
        },
        {
          Name: 'rate-per-ip',
          Priority: 1,
          Action: { Block: {} },
          Statement: {
            RateBasedStatement: {
              Limit: props.settings.requestsPerIp,
              EvaluationWindowSec: props.settings.windowSeconds,
              AggregateKeyType: 'IP',
            },
          },
          VisibilityConfig: visibilityJson(this.rateRuleMetricName),
        },
      ]),
      visibilityConfig: visibility(props.name),
    });

    new Wafv2WebAclAssociation(this, 'association', { resourceArn: props.userPoolArn, webAclArn: this.webAcl.arn });

    this.alarm = new CloudwatchMetricAlarm(this, 'blocked_requests', {
      alarmName: `${props.alarmNamePrefix}waf-blocked-requests`,
      alarmDescription:
        `AWS WAF blocked at least ${props.settings.blockedRequestsPer5Minutes} requests to the user pool in 5 minutes: a flood, ` +
        `a bad-reputation source, or a rate limit that turns real users away. Runbook: ${RUNBOOK_FILE}#${WAF_RUNBOOK_ANCHOR}`,
      namespace: WAF_NAMESPACE,
      metricName: 'BlockedRequests',
      // Rule "ALL": every rule of the web ACL together.
      dimensions: { WebACL: props.name, Region: props.region, Rule: 'ALL' },
      statistic: 'Sum',
      period: ALARM_PERIOD_SECONDS,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
      threshold: props.settings.blockedRequestsPer5Minutes,
      // WAF publishes nothing while it blocks nothing.
      treatMissingData: 'notBreaching',
      alarmActions: [props.topicArn],
      okActions: [props.topicArn],
    });
  }

  /** The dashboard row: requests allowed and blocked, by rule, with the alarm threshold. */
  dashboardWidget(y: number): DashboardWidget {
    const metric = (name: string, rule: string, label: string) => [
      WAF_NAMESPACE,
      name,
      'WebACL',
      this.props.name,
      'Region',
      this.props.region,
      'Rule',
      rule,
      { stat: 'Sum', label },
    ];
    return {
      type: 'metric',
      x: 0,
      y,
      width: 24,
      height: 6,
      properties: {
        view: 'timeSeries',
        region: this.props.region,
        title: 'AWS WAF in front of the user pool: allowed and blocked requests',
        period: ALARM_PERIOD_SECONDS,
        metrics: [
          metric('AllowedRequests', 'ALL', 'Allowed'),
          metric('BlockedRequests', 'ALL', 'Blocked (all rules)'),
          metric('BlockedRequests', this.rateRuleMetricName, 'Blocked: rate per IP'),
          metric('BlockedRequests', this.reputationRuleMetricName, 'Blocked: IP reputation'),
        ],
        annotations: { horizontal: [{ label: 'Blocked requests alarm', value: this.props.settings.blockedRequestsPer5Minutes }] },
      },
    };
  }
}
