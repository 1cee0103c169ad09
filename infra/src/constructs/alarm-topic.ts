import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { Construct } from 'constructs';

export interface AlarmTopicProps {
  /** The topic's name. */
  readonly name: string;
  readonly region: string;
  /**
   * Every alarm that publishes here is named `<alarmNamePrefix>…`; CloudWatch
   * may publish on behalf of those alarms only.
   */
  readonly alarmNamePrefix: string;
  /** Subscribed by email when given (SNS asks the address to confirm first). */
  readonly email?: string | undefined;
}

/**
 * The environment's one SNS topic for alarm notifications, which CloudWatch
 * may publish to only for this account's alarms of this stack, and its
 * optional email subscription.
 *
 * Not encrypted on purpose: notifications carry alarm names and numbers, no
 * user data, and CloudWatch cannot publish to a topic encrypted with the
 * AWS-managed SNS key (its key policy cannot grant cloudwatch.amazonaws.com).
 */
export class AlarmTopic extends Construct {
  readonly topic: SnsTopic;
  /** The aws:SourceArn pattern the topic policy admits. */
  readonly alarmArnPattern: string;

  constructor(scope: Construct, id: string, props: AlarmTopicProps) {
    super(scope, id);

    this.topic = new SnsTopic(this, 'topic', {
      name: props.name,
      displayName: props.name,
    });

    const partition = new DataAwsPartition(this, 'partition');
    const account = new DataAwsCallerIdentity(this, 'account');
    this.alarmArnPattern = `arn:${partition.partition}:cloudwatch:${props.region}:${account.accountId}:alarm:${props.alarmNamePrefix}*`;

    // Replaces SNS's default policy (any principal of the account). Principals of the account
    // still manage the topic through their IAM policies; only the CloudWatch service needs a
    // grant here, and the conditions keep another account's alarms (a confused deputy) out.
    const policy = new DataAwsIamPolicyDocument(this, 'policy_document', {
      statement: [
        {
          sid: 'CloudWatchAlarmsOfThisStack',
          effect: 'Allow',
          actions: ['sns:Publish'],
          principals: [{ type: 'Service', identifiers: ['cloudwatch.amazonaws.com'] }],
          resources: [this.topic.arn],
          condition: [
            { test: 'StringEquals', variable: 'aws:SourceAccount', values: [account.accountId] },
            { test: 'ArnLike', variable: 'aws:SourceArn', values: [this.alarmArnPattern] },
          ],
        },
      ],
    });
    new SnsTopicPolicy(this, 'policy', { arn: this.topic.arn, policy: policy.json });

    if (props.email !== undefined) {
      new SnsTopicSubscription(this, 'email', { topicArn: this.topic.arn, protocol: 'email', endpoint: props.email });
    }
  }
}
