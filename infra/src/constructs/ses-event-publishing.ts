import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { Sesv2ConfigurationSetEventDestination } from '@cdktf/provider-aws/lib/sesv2-configuration-set-event-destination';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { Construct } from 'constructs';

/** The events that say a code email did not get through, or may not. */
export const SES_EVENT_TYPES = ['BOUNCE', 'COMPLAINT', 'REJECT', 'DELIVERY_DELAY'] as const;

/** SES tags every message with its configuration set; CloudWatch counts the events per set under this dimension. */
export const SES_EVENT_DIMENSION = 'ses:configuration-set';

export interface SesEventPublishingProps {
  /** A reference to the managed configuration set's name, so Terraform creates the set first. */
  readonly configurationSetName: string;
  /** Its literal name: the dimension's default value. */
  readonly configurationSetLiteralName: string;
  readonly configurationSetArn: string;
  /** Name of the events topic. */
  readonly topicName: string;
  readonly accountId: string;
}

/**
 * Bounces, complaints, rejects and delivery delays of the configuration set,
 * published twice: as CloudWatch metrics (counts, for dashboards and alarms)
 * and to an SNS topic of their own (each event with its recipient, for
 * whoever handles bounces).
 *
 * A dedicated topic, not the alarm topic: SES events name recipients (personal
 * data) and arrive one per message, where the alarm topic carries a handful of
 * state changes for people and pagers; and each topic's policy admits one
 * service. Nothing subscribes by default: subscribe a queue or a function.
 */
export class SesEventPublishing extends Construct {
  readonly topic: SnsTopic;
  readonly cloudWatch: Sesv2ConfigurationSetEventDestination;
  readonly sns: Sesv2ConfigurationSetEventDestination;

  constructor(scope: Construct, id: string, props: SesEventPublishingProps) {
    super(scope, id);

    this.topic = new SnsTopic(this, 'topic', { name: props.topicName, displayName: props.topicName });
    const policy = new DataAwsIamPolicyDocument(this, 'policy_document', {
      statement: [
        {
          sid: 'SesEventsOfThisConfigurationSet',
          effect: 'Allow',
          actions: ['sns:Publish'],
          principals: [{ type: 'Service', identifiers: ['ses.amazonaws.com'] }],
          resources: [this.topic.arn],
          condition: [
            { test: 'StringEquals', variable: 'aws:SourceAccount', values: [props.accountId] },
            { test: 'StringEquals', variable: 'aws:SourceArn', values: [props.configurationSetArn] },
          ],
        },
      ],
    });
    const topicPolicy = new SnsTopicPolicy(this, 'policy', { arn: this.topic.arn, policy: policy.json });

    const matchingEventTypes = [...SES_EVENT_TYPES];
    this.cloudWatch = new Sesv2ConfigurationSetEventDestination(this, 'cloudwatch', {
      configurationSetName: props.configurationSetName,
      eventDestinationName: 'cloudwatch',
      eventDestination: {
        enabled: true,
        matchingEventTypes,
        cloudWatchDestination: {
          dimensionConfiguration: [
            {
              dimensionName: SES_EVENT_DIMENSION,
              dimensionValueSource: 'MESSAGE_TAG',
              defaultDimensionValue: props.configurationSetLiteralName,
            },
          ],
        },
      },
    });
    this.sns = new Sesv2ConfigurationSetEventDestination(this, 'sns', {
      configurationSetName: props.configurationSetName,
      eventDestinationName: 'sns',
      // The topic's ARN read through its policy, so the policy that lets SES publish exists first
      // (an implicit dependency; an explicit depends_on renders as a deprecated quoted reference in HCL).
      eventDestination: { enabled: true, matchingEventTypes, snsDestination: { topicArn: topicPolicy.arn } },
    });
  }
}
