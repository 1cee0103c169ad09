import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { Sesv2ConfigurationSet } from '@cdktf/provider-aws/lib/sesv2-configuration-set';
import { Sesv2EmailIdentity } from '@cdktf/provider-aws/lib/sesv2-email-identity';
import { Testing } from 'cdktf';
import { EmailIdentity, type EmailIdentityProps } from '../../src/constructs/email-identity.js';

const ADDRESS_EMAIL: EmailIdentityProps['email'] = {
  from: 'no-reply@example.com',
  subject: 'Your sign-in code',
  defaultLocale: 'en',
  sesIdentity: 'no-reply@example.com',
  configurationSet: undefined,
  sandbox: false,
  manageAccountSuppression: false,
};
const DOMAIN_EMAIL: EmailIdentityProps['email'] = {
  from: 'App <no-reply@example.com>',
  subject: 'Your sign-in code',
  defaultLocale: 'en',
  sesIdentity: 'example.com',
  configurationSet: { name: 'app-events', manage: true },
  sandbox: false,
  manageAccountSuppression: false,
};

/** Synthesizes the identity plus a policy document holding its send statement, as a sender's role would. */
function synth(email: EmailIdentityProps['email']) {
  let identity: EmailIdentity | undefined;
  const json = Testing.synthScope((scope) => {
    identity = new EmailIdentity(scope, 'email', { email, region: 'eu-west-1' });
    new DataAwsIamPolicyDocument(scope, 'sender', { statement: [identity.sendStatement()] });
  });
  if (identity === undefined) throw new Error('no identity was built');
  return { json, identity };
}

describe('EmailIdentity', () => {
  it('creates an address identity without DKIM', () => {
    const { json } = synth(ADDRESS_EMAIL);

    expect(json).toHaveResourceWithProperties(Sesv2EmailIdentity, { email_identity: 'no-reply@example.com' });
    expect(JSON.parse(json).resource.aws_sesv2_email_identity.ses_identity).not.toHaveProperty('dkim_signing_attributes');
  });

  it('creates a domain identity with 2048-bit Easy DKIM and its configuration set', () => {
    const { json } = synth(DOMAIN_EMAIL);

    expect(json).toHaveResourceWithProperties(Sesv2EmailIdentity, {
      email_identity: 'example.com',
      dkim_signing_attributes: { next_signing_key_length: 'RSA_2048_BIT' },
      configuration_set_name: '${aws_sesv2_configuration_set.ses_configuration_set.configuration_set_name}',
    });
    expect(json).toHaveResourceWithProperties(Sesv2ConfigurationSet, {
      configuration_set_name: 'app-events',
      delivery_options: { tls_policy: 'REQUIRE' },
    });
  });

  it('lets the sender send only as the configured address, on the identity and configuration set', () => {
    expect(synth(DOMAIN_EMAIL).json).toHaveDataSourceWithProperties(DataAwsIamPolicyDocument, {
      statement: [
        {
          sid: 'SendCodeEmail',
          effect: 'Allow',
          actions: ['ses:SendEmail', 'ses:SendRawEmail'],
          resources: [
            '${aws_sesv2_email_identity.ses_identity.arn}',
            '${aws_sesv2_configuration_set.ses_configuration_set.arn}',
          ],
          condition: [{ test: 'StringEquals', variable: 'ses:FromAddress', values: ['no-reply@example.com'] }],
        },
      ],
    });
  });

  it('names an existing configuration set by its ARN in this account and region', () => {
    const { json } = synth({ ...DOMAIN_EMAIL, configurationSet: { name: 'shared-events', manage: false } });

    expect(json).not.toHaveResource(Sesv2ConfigurationSet);
    expect(json).toHaveResourceWithProperties(Sesv2EmailIdentity, { configuration_set_name: 'shared-events' });
    expect(json).toHaveDataSourceWithProperties(DataAwsIamPolicyDocument, {
      statement: [
        expect.objectContaining({
          resources: [
            '${aws_sesv2_email_identity.ses_identity.arn}',
            expect.stringMatching(
              /^arn:\$\{data\.aws_partition\.email_partition_\w+\.partition\}:ses:eu-west-1:\$\{data\.aws_caller_identity\.email_account_\w+\.account_id\}:configuration-set\/shared-events$/,
            ),
          ],
        }),
      ],
    });
  });

  it('needs no configuration set ARN without a configuration set', () => {
    expect(synth(ADDRESS_EMAIL).json).toHaveDataSourceWithProperties(DataAwsIamPolicyDocument, {
      statement: [expect.objectContaining({ resources: ['${aws_sesv2_email_identity.ses_identity.arn}'] })],
    });
  });

  it('offers DKIM records only for a domain', () => {
    expect(synth(ADDRESS_EMAIL).identity.dkimRecords()).toBeUndefined();
    expect(synth(DOMAIN_EMAIL).identity.dkimRecords()).toBeDefined();
  });
});

describe('EmailIdentity suppression and sandbox', () => {
  it('suppresses bounces and complaints in its configuration set', () => {
    const { json } = synth(DOMAIN_EMAIL);

    expect(json).toHaveResourceWithProperties(Sesv2ConfigurationSet, {
      suppression_options: { suppressed_reasons: ['BOUNCE', 'COMPLAINT'] },
    });
  });

  it('lets a sandbox sender reach the verified identities of its account and region, SES’s recipients there', () => {
    const { json } = synth({ ...DOMAIN_EMAIL, sandbox: true });

    expect(json).toHaveDataSourceWithProperties(DataAwsIamPolicyDocument, {
      statement: [
        expect.objectContaining({
          resources: [
            '${aws_sesv2_email_identity.ses_identity.arn}',
            '${aws_sesv2_configuration_set.ses_configuration_set.arn}',
            expect.stringMatching(
              /^arn:\$\{data\.aws_partition\.email_partition_\w+\.partition\}:ses:eu-west-1:\$\{data\.aws_caller_identity\.email_account_\w+\.account_id\}:identity\/\*$/,
            ),
          ],
        }),
      ],
    });
  });

  it('grants nothing beyond the sender and its configuration set out of the sandbox', () => {
    const { json } = synth(DOMAIN_EMAIL);

    expect(json).toHaveDataSourceWithProperties(DataAwsIamPolicyDocument, {
      statement: [
        expect.objectContaining({
          resources: ['${aws_sesv2_email_identity.ses_identity.arn}', '${aws_sesv2_configuration_set.ses_configuration_set.arn}'],
        }),
      ],
    });
  });
});
