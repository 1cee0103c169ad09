import { WAF_METRICS, WAF_NAMESPACE } from '../../src/constructs/user-pool-firewall.js';
import {
  DYNAMODB_NAMESPACE,
  DYNAMODB_OPERATION_METRICS,
  DYNAMODB_TABLE_METRICS,
  LAMBDA_METRICS,
  LAMBDA_NAMESPACE,
  SES_ACCOUNT_METRICS,
  SES_NAMESPACE,
} from '../../src/monitoring/aws-metrics.js';
import type { TerraformJson } from './synth.js';

export interface MetricReference {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: Readonly<Record<string, string>>;
}

const FUNCTION_NAME_REFERENCE = /^\$\{aws_lambda_function\.([\w-]+)\.function_name\}$/;
const TABLE_NAME_REFERENCE = /^\$\{aws_dynamodb_table\.([\w-]+)\.name\}$/;

/**
 * Why `metric` is not one this stack produces, or undefined when it is: a
 * metric of one of the stack's metric filters (in their namespace, without
 * dimensions), a Lambda metric of one of the stack's functions, a DynamoDB
 * metric of the stack's table (per operation a role of the stack may call), or an SES
 * account metric of the region the stack's SES identity sends from.
 */
export function whyMetricIsMissing(terraform: TerraformJson, metric: MetricReference): string | undefined {
  const { namespace, metricName, dimensions } = metric;
  const dimensionNames = Object.keys(dimensions);
  const described = `${namespace} ${metricName} ${JSON.stringify(dimensions)}`;

  if (namespace === LAMBDA_NAMESPACE) {
    if (!(LAMBDA_METRICS as readonly string[]).includes(metricName)) return `${described}: not a Lambda function metric`;
    if (dimensionNames.join() !== 'FunctionName') return `${described}: a Lambda metric needs exactly the FunctionName dimension`;
    const functionId = FUNCTION_NAME_REFERENCE.exec(dimensions['FunctionName'] ?? '')?.[1];
    if (functionId === undefined || terraform.resource['aws_lambda_function']?.[functionId] === undefined) {
      return `${described}: FunctionName is not a function of this stack`;
    }
    return undefined;
  }
  if (namespace === WAF_NAMESPACE) return whyWafMetricIsMissing(terraform, metric, described);
  if (namespace === DYNAMODB_NAMESPACE) {
    const perOperation = (DYNAMODB_OPERATION_METRICS as readonly string[]).includes(metricName);
    if (!perOperation && !(DYNAMODB_TABLE_METRICS as readonly string[]).includes(metricName)) return `${described}: not a DynamoDB table metric`;
    const expected = perOperation ? 'Operation,TableName' : 'TableName';
    if ([...dimensionNames].sort().join() !== expected) return `${described}: ${metricName} is published with exactly the ${expected} dimensions`;
    const tableId = TABLE_NAME_REFERENCE.exec(dimensions['TableName'] ?? '')?.[1];
    if (tableId === undefined || terraform.resource['aws_dynamodb_table']?.[tableId] === undefined) {
      return `${described}: TableName is not a table of this stack`;
    }
    if (perOperation && !allowedDynamodbActions(terraform).has(`dynamodb:${dimensions['Operation']}`)) {
      return `${described}: no role of this stack may call ${dimensions['Operation']}`;
    }
    return undefined;
  }
  if (namespace === SES_NAMESPACE) {
    if (!(SES_ACCOUNT_METRICS as readonly string[]).includes(metricName)) return `${described}: not an SES account metric`;
    if (dimensionNames.length > 0) return `${described}: SES account metrics have no dimensions`;
    if (Object.keys(terraform.resource['aws_sesv2_email_identity'] ?? {}).length === 0) return `${described}: the stack sends no email`;
    return undefined;
  }
  const filtered = Object.values(terraform.resource['aws_cloudwatch_log_metric_filter'] ?? {}).some(
    (filter) => filter['metric_transformation'].namespace === namespace && filter['metric_transformation'].name === metricName,
  );
  if (!filtered) return `${described}: no metric filter of this stack writes it`;
  if (dimensionNames.length > 0) return `${described}: the metric filters write no dimensions`;
  return undefined;
}

/** The DynamoDB actions the stack's policy documents allow. */
function allowedDynamodbActions(terraform: TerraformJson): Set<string> {
  const statements = Object.values(terraform.data?.['aws_iam_policy_document'] ?? {}).flatMap((doc) => doc['statement'] as { actions?: string[] }[]);
  return new Set(statements.flatMap((statement) => statement.actions ?? []).filter((action) => action.startsWith('dynamodb:')));
}

/** A WAF web ACL metric: WebACL one of the stack's web ACLs, Region the provider's, Rule `ALL` or one of its rules' metric names. */
function whyWafMetricIsMissing(terraform: TerraformJson, metric: MetricReference, described: string): string | undefined {
  const { metricName, dimensions } = metric;
  if (!(WAF_METRICS as readonly string[]).includes(metricName)) return `${described}: not a WAF web ACL metric`;
  if (Object.keys(dimensions).sort().join() !== 'Region,Rule,WebACL') return `${described}: a WAF metric needs the WebACL, Region and Rule dimensions`;
  const webAcl = Object.values(terraform.resource['aws_wafv2_web_acl'] ?? {}).find((acl) => acl['name'] === dimensions['WebACL']);
  if (webAcl === undefined) return `${described}: WebACL is not a web ACL of this stack`;
  const region = (terraform.provider?.['aws'] as { region?: string }[] | undefined)?.[0]?.region;
  if (dimensions['Region'] !== region) return `${described}: Region is not the stack's region ${region}`;
  const ruleMetrics = (JSON.parse(webAcl['rule_json'] ?? '[]') as { VisibilityConfig: { MetricName: string } }[]).map((rule) => rule.VisibilityConfig.MetricName);
  if (dimensions['Rule'] !== 'ALL' && !ruleMetrics.includes(dimensions['Rule'] ?? '')) return `${described}: Rule is neither ALL nor a rule of the web ACL`;
  return undefined;
}

/** The metric of one `metrics` row of a dashboard widget: namespace, name, dimension pairs, then options. */
export function metricOfDashboardRow(row: readonly unknown[]): MetricReference {
  const [namespace, metricName, ...rest] = row;
  if (typeof namespace !== 'string' || typeof metricName !== 'string') throw new Error(`not a metric row: ${JSON.stringify(row)}`);
  const pairs = typeof rest.at(-1) === 'object' ? rest.slice(0, -1) : rest;
  if (pairs.length % 2 !== 0 || pairs.some((value) => typeof value !== 'string')) {
    throw new Error(`dimensions must come in name/value pairs: ${JSON.stringify(row)}`);
  }
  const dimensions: Record<string, string> = {};
  for (let i = 0; i < pairs.length; i += 2) dimensions[pairs[i] as string] = pairs[i + 1] as string;
  return { namespace, metricName, dimensions };
}
