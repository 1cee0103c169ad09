import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { Testing } from 'cdktf';
import { AlarmTopic, type AlarmTopicProps } from '../../src/constructs/alarm-topic.js';

const PROPS: AlarmTopicProps = { name: 'app-dev-alarms', region: 'eu-west-1', alarmNamePrefix: 'app-dev-' };

const synth = (props: Partial<AlarmTopicProps> = {}) =>
  Testing.synthScope((scope) => {
    new AlarmTopic(scope, 'alarm_topic', { ...PROPS, ...props });
  });

describe('AlarmTopic', () => {
  it('creates one topic named for the environment', () => {
    expect(synth()).toHaveResourceWithProperties(SnsTopic, { name: 'app-dev-alarms' });
  });

  it('lets CloudWatch publish only for alarms of this stack in this account and region', () => {
    const json = synth();

    expect(json).toHaveDataSourceWithProperties(DataAwsIamPolicyDocument, {
      statement: [
        {
          sid: 'CloudWatchAlarmsOfThisStack',
          effect: 'Allow',
          actions: ['sns:Publish'],
          principals: [{ type: 'Service', identifiers: ['cloudwatch.amazonaws.com'] }],
          resources: [expect.stringMatching(/^\$\{aws_sns_topic\.alarm_topic_\w+\.arn\}$/)],
          condition: [
            {
              test: 'StringEquals',
              variable: 'aws:SourceAccount',
              values: [expect.stringMatching(/^\$\{data\.aws_caller_identity\.alarm_topic_account_\w+\.account_id\}$/)],
            },
            {
              test: 'ArnLike',
              variable: 'aws:SourceArn',
              values: [
                expect.stringMatching(
                  /^arn:\$\{data\.aws_partition\.alarm_topic_partition_\w+\.partition\}:cloudwatch:eu-west-1:\$\{data\.aws_caller_identity\.alarm_topic_account_\w+\.account_id\}:alarm:app-dev-\*$/,
                ),
              ],
            },
          ],
        },
      ],
    });
    expect(json).toHaveResourceWithProperties(SnsTopicPolicy, {
      arn: expect.stringMatching(/^\$\{aws_sns_topic\.alarm_topic_\w+\.arn\}$/),
      policy: expect.stringMatching(/^\$\{data\.aws_iam_policy_document\.alarm_topic_policy_document_\w+\.json\}$/),
    });
  });

  it('subscribes the configured address by email', () => {
    expect(synth({ email: 'ops@example.com' })).toHaveResourceWithProperties(SnsTopicSubscription, {
      protocol: 'email',
      endpoint: 'ops@example.com',
      topic_arn: expect.stringMatching(/^\$\{aws_sns_topic\.alarm_topic_\w+\.arn\}$/),
    });
  });

  it('subscribes nobody without an address', () => {
    expect(synth()).not.toHaveResource(SnsTopicSubscription);
  });
});
