import { Sesv2ConfigurationSetEventDestination } from '@cdktf/provider-aws/lib/sesv2-configuration-set-event-destination';
import { Sesv2EmailIdentityMailFromAttributes } from '@cdktf/provider-aws/lib/sesv2-email-identity-mail-from-attributes';
import { parseEnvironmentConfig } from '../../src/config/parse-environment-config.js';
import { mailFromRecords } from '../../src/constructs/mail-from-domain.js';
import { OUTPUT_NAMES } from '../../src/stacks/output-names.js';
import { devInput, inputWith, placeholderBundles, prodInput, TEST_ACCOUNT_IDS } from '../helpers/fixtures.js';
import { parseSynth, synthStack } from '../helpers/synth.js';

const bundles = placeholderBundles();

describe.each([
  ['dev', devInput, 'cognito-passwordless-dev'],
  ['prod', prodInput, 'cognito-passwordless-prod'],
])('SES operations of the %s stack', (environment, input, stackName) => {
  const { json } = synthStack(input(), bundles);
  const terraform = parseSynth(json);
  const destinations = Object.values(terraform.resource['aws_sesv2_configuration_set_event_destination'] ?? {});

  it('sends through a configuration set of its own that suppresses bounces and complaints', () => {
    expect(Object.values(terraform.resource['aws_sesv2_configuration_set'] ?? {})).toEqual([
      expect.objectContaining({
        configuration_set_name: stackName,
        suppression_options: { suppressed_reasons: ['BOUNCE', 'COMPLAINT'] },
      }),
    ]);
  });

  it('publishes bounces, complaints, rejects and delivery delays to CloudWatch and to SNS', () => {
    const eventTypes = ['BOUNCE', 'COMPLAINT', 'REJECT', 'DELIVERY_DELAY'];

    expect(destinations).toHaveLength(2);
    expect(json).toHaveResourceWithProperties(Sesv2ConfigurationSetEventDestination, {
      event_destination_name: 'cloudwatch',
      event_destination: expect.objectContaining({
        matching_event_types: eventTypes,
        cloud_watch_destination: {
          dimension_configuration: [
            { dimension_name: 'ses:configuration-set', dimension_value_source: 'MESSAGE_TAG', default_dimension_value: stackName },
          ],
        },
      }),
    });
    expect(json).toHaveResourceWithProperties(Sesv2ConfigurationSetEventDestination, {
      event_destination_name: 'sns',
      event_destination: expect.objectContaining({
        matching_event_types: eventTypes,
        sns_destination: { topic_arn: expect.stringMatching(/^\$\{aws_sns_topic_policy\.ses_events_policy_\w+\.arn\}$/) },
      }),
    });
  });

  it('lets only SES, for this configuration set in this account, publish to the events topic', () => {
    const documents = Object.values(terraform.data?.['aws_iam_policy_document'] ?? {});
    const sesStatement = documents.flatMap((doc) => doc.statement).find((statement) =>
      statement.principals?.some((principal: { identifiers: string[] }) => principal.identifiers.includes('ses.amazonaws.com')),
    );

    expect(sesStatement).toMatchObject({
      actions: ['sns:Publish'],
      resources: [expect.stringMatching(/^\$\{aws_sns_topic\.ses_events_topic_\w+\.arn\}$/)],
      condition: [
        { test: 'StringEquals', variable: 'aws:SourceAccount', values: [TEST_ACCOUNT_IDS[environment as 'dev' | 'prod']] },
        { test: 'StringEquals', variable: 'aws:SourceArn', values: ['${aws_sesv2_configuration_set.ses_configuration_set.arn}'] },
      ],
    });
    expect(terraform.output[OUTPUT_NAMES.sesEventsTopicArn]).toBeDefined();
  });
});

describe('SES differences between environments', () => {
  const dev = parseSynth(synthStack(devInput(), bundles).json);
  const prod = parseSynth(synthStack(prodInput(), bundles).json);

  it('manages the account-level suppression list in prod only', () => {
    expect(dev.resource).not.toHaveProperty('aws_sesv2_account_suppression_attributes');
    expect(Object.values(prod.resource['aws_sesv2_account_suppression_attributes'] ?? {})).toEqual([
      expect.objectContaining({ suppressed_reasons: ['BOUNCE', 'COMPLAINT'] }),
    ]);
  });

  it('gives prod a custom MAIL FROM domain and outputs its MX and SPF records', () => {
    expect(dev.resource).not.toHaveProperty('aws_sesv2_email_identity_mail_from_attributes');
    expect(synthStack(prodInput(), bundles).json).toHaveResourceWithProperties(Sesv2EmailIdentityMailFromAttributes, {
      email_identity: '${aws_sesv2_email_identity.ses_identity.email_identity}',
      mail_from_domain: 'mail.auth.example.com',
      behavior_on_mx_failure: 'USE_DEFAULT_VALUE',
    });
    expect(prod.output[OUTPUT_NAMES.sesMailFromRecords]?.value).toEqual([
      { name: 'mail.auth.example.com', type: 'MX', value: '10 feedback-smtp.eu-west-1.amazonses.com' },
      { name: 'mail.auth.example.com', type: 'TXT', value: '"v=spf1 include:amazonses.com ~all"' },
    ]);
    expect(dev.output).not.toHaveProperty(OUTPUT_NAMES.sesMailFromRecords);
  });

  it('adds no event destination to a configuration set the stack does not own', () => {
    const existing = inputWith(prodInput(), 'email.configurationSet', { name: 'shared-set', manage: false });

    const terraform = parseSynth(synthStack(existing, bundles).json);

    expect(terraform.resource).not.toHaveProperty('aws_sesv2_configuration_set_event_destination');
    expect(terraform.resource).not.toHaveProperty('aws_sesv2_configuration_set');
  });

  it('refuses a MAIL FROM domain outside the identity’s domain', () => {
    const input = inputWith(prodInput(), 'email.mailFromDomain', 'mail.elsewhere.example');

    expect(() => parseEnvironmentConfig(input)).toThrow("email.mailFromDomain: must be a subdomain of the SES identity's domain");
  });

  it('takes the MAIL FROM MX record from the region', () => {
    expect(mailFromRecords('bounce.example.org', 'us-east-2')[0]).toEqual({
      name: 'bounce.example.org',
      type: 'MX',
      value: '10 feedback-smtp.us-east-2.amazonses.com',
    });
  });
});
