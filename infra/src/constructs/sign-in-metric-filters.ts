import { CloudwatchLogMetricFilter } from '@cdktf/provider-aws/lib/cloudwatch-log-metric-filter';
import { Construct } from 'constructs';
import type { TriggerName } from '../lambda/triggers.js';
import { SIGN_IN_METRIC_NAMES, SIGN_IN_METRICS, type SignInMetricName } from '../monitoring/sign-in-metrics.js';

export interface SignInMetricFiltersProps {
  /** The environment's metric namespace. */
  readonly namespace: string;
  /** The log group of each trigger function. */
  readonly logGroupNames: Readonly<Record<TriggerName, string>>;
}

/**
 * Turns the triggers' decision log lines into the sign-in metrics
 * (`SIGN_IN_METRICS`): one metric filter per metric, on the log group of the
 * trigger that logs the decision.
 */
export class SignInMetricFilters extends Construct {
  readonly filters: Readonly<Record<SignInMetricName, CloudwatchLogMetricFilter>>;
  readonly namespace: string;

  constructor(scope: Construct, id: string, props: SignInMetricFiltersProps) {
    super(scope, id);
    this.namespace = props.namespace;
    const filters = {} as Record<SignInMetricName, CloudwatchLogMetricFilter>;
    for (const name of SIGN_IN_METRIC_NAMES) {
      const metric = SIGN_IN_METRICS[name];
      filters[name] = new CloudwatchLogMetricFilter(this, name, {
        name,
        logGroupName: props.logGroupNames[metric.trigger],
        pattern: metric.pattern,
        metricTransformation: {
          namespace: props.namespace,
          name,
          value: '1',
          // A 0 for every other line of the trigger: see SIGN_IN_METRICS for why (and why no dimensions).
          defaultValue: '0',
          unit: 'Count',
        },
      });
    }
    this.filters = filters;
  }
}
