import type { TriggerName } from '@cognito-passwordless/contract';
import { CloudwatchLogMetricFilter } from '@cdktf/provider-aws/lib/cloudwatch-log-metric-filter';
import { Construct } from 'constructs';
import { type SignInMetric, SIGN_IN_METRIC_NAMES, SIGN_IN_METRICS, type SignInMetricName } from '../monitoring/sign-in-metrics.js';

export interface SignInMetricFiltersProps {
  /** The environment's metric namespace. */
  readonly namespace: string;
  /** The log group of each trigger function. */
  readonly logGroupNames: Readonly<Record<TriggerName, string>>;
}

/**
 * Turns the triggers' decision log lines into the sign-in metrics
 * (`SIGN_IN_METRICS`): one metric filter per metric and log group of a
 * trigger that logs the decision.
 */
export class SignInMetricFilters extends Construct {
  /** The filters writing each metric: one per log group it is read from. */
  readonly filters: Readonly<Record<SignInMetricName, readonly CloudwatchLogMetricFilter[]>>;
  readonly namespace: string;

  constructor(scope: Construct, id: string, props: SignInMetricFiltersProps) {
    super(scope, id);
    this.namespace = props.namespace;
    const filters = {} as Record<SignInMetricName, CloudwatchLogMetricFilter[]>;
    for (const name of SIGN_IN_METRIC_NAMES) {
      const metric: SignInMetric = SIGN_IN_METRICS[name];
      filters[name] = metric.triggers.map(
        (trigger) =>
          // A metric read from one log group keeps the id it always had (no Terraform address change).
          new CloudwatchLogMetricFilter(this, metric.triggers.length === 1 ? name : `${name}_${trigger}`, {
            name,
            logGroupName: props.logGroupNames[trigger],
            pattern: metric.pattern,
            metricTransformation: {
              namespace: props.namespace,
              name,
              value: '1',
              // A 0 for every other line of the trigger: see SIGN_IN_METRICS for why (and why no dimensions).
              defaultValue: '0',
              unit: 'Count',
            },
          }),
      );
    }
    this.filters = filters;
  }
}
