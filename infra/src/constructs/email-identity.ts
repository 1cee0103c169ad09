import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import type { DataAwsIamPolicyDocumentStatement } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { Sesv2ConfigurationSet } from '@cdktf/provider-aws/lib/sesv2-configuration-set';
import { Sesv2EmailIdentity } from '@cdktf/provider-aws/lib/sesv2-email-identity';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { isDomainName, senderAddressOf } from '@cognito-passwordless/contract';
import type { EnvironmentConfig } from '../config/environment-config.schema.js';

/**
 * Fixed Terraform addresses, because operators type them: the identity must be
 * verified before Cognito accepts it (`terraform apply -target=...`), and an
 * identity that already exists is brought in with `terraform import`.
 */
export const SES_IDENTITY_LOGICAL_ID = 'ses_identity';
export const SES_CONFIGURATION_SET_LOGICAL_ID = 'ses_configuration_set';

/** What SES stops sending to once it happened: a hard bounce or a complaint. */
export const SUPPRESSED_REASONS = ['BOUNCE', 'COMPLAINT'] as const;

export interface EmailIdentityProps {
  readonly email: EnvironmentConfig['email'];
  readonly region: string;
}

/**
 * The SES (v2) identity the code emails and Cognito's own verification emails
 * are sent through, with Easy DKIM for a domain, and the optional
 * configuration set. A new identity starts unverified: an address gets a
 * confirmation email, a domain needs the DKIM CNAME records published.
 */
export class EmailIdentity extends Construct {
  readonly identity: Sesv2EmailIdentity;
  readonly isDomain: boolean;
  private readonly identityName: string;
  private readonly props: EmailIdentityProps;
  private accountArnPrefix: string | undefined;
  /** The bare sender address (EMAIL_FROM without its display name). */
  readonly fromAddress: string;
  readonly configurationSetName: string | undefined;
  readonly configurationSetArn: string | undefined;

  constructor(scope: Construct, id: string, props: EmailIdentityProps) {
    super(scope, id);
    const { email } = props;
    this.props = props;
    this.isDomain = isDomainName(email.sesIdentity);
    this.identityName = email.sesIdentity;
    const fromAddress = senderAddressOf(email.from);
    if (fromAddress === undefined) throw new TypeError('email.from was not validated');
    this.fromAddress = fromAddress;

    let configurationSet: Sesv2ConfigurationSet | undefined;
    if (email.configurationSet?.manage === true) {
      configurationSet = new Sesv2ConfigurationSet(this, 'configuration_set', {
        configurationSetName: email.configurationSet.name,
        deliveryOptions: { tlsPolicy: 'REQUIRE' },
        reputationOptions: { reputationMetricsEnabled: true },
        sendingOptions: { sendingEnabled: true },
        // Never again to an address that hard-bounced or complained, whatever the account-level list says.
        suppressionOptions: { suppressedReasons: [...SUPPRESSED_REASONS] },
      });
      configurationSet.overrideLogicalId(SES_CONFIGURATION_SET_LOGICAL_ID);
    }
    // A reference (not the literal name) when managed, so Terraform creates the set before its users.
    this.configurationSetName = configurationSet?.configurationSetName ?? email.configurationSet?.name;
    this.configurationSetArn = configurationSet?.arn ?? this.existingConfigurationSetArn(props);

    this.identity = new Sesv2EmailIdentity(this, 'identity', {
      emailIdentity: email.sesIdentity,
      configurationSetName: this.configurationSetName,
      ...(this.isDomain ? { dkimSigningAttributes: { nextSigningKeyLength: 'RSA_2048_BIT' } } : {}),
    });
    this.identity.overrideLogicalId(SES_IDENTITY_LOGICAL_ID);
  }

  /**
   * The one IAM statement a sender needs: SendEmail/SendRawEmail on this
   * identity (and its configuration set, which SES also authorizes), only
   * with this From address.
   */
  sendStatement(): DataAwsIamPolicyDocumentStatement {
    // In the sandbox SES also authorizes the send against each recipient, which must be a
    // verified identity of this account and region; out of it, only the sender and the set.
    const sandboxRecipients = this.props.email.sandbox === true ? [`${this.accountArn()}identity/*`] : [];
    return {
      sid: 'SendCodeEmail',
      effect: 'Allow',
      actions: ['ses:SendEmail', 'ses:SendRawEmail'],
      resources: [
        this.identity.arn,
        ...(this.configurationSetArn === undefined ? [] : [this.configurationSetArn]),
        ...sandboxRecipients,
      ],
      condition: [{ test: 'StringEquals', variable: 'ses:FromAddress', values: [this.fromAddress] }],
    };
  }

  /**
   * For a domain, the Easy DKIM CNAME records to publish, as a map of record
   * name to value; undefined for an address identity (nothing to publish).
   */
  dkimRecords(): unknown {
    if (!this.isDomain) return undefined;
    const tokens = this.identity.dkimSigningAttributes.tokens;
    return Fn.zipmap(
      Fn.formatlist(`%s._domainkey.${this.identityName}`, [tokens]),
      Fn.formatlist('%s.dkim.amazonses.com', [tokens]),
    );
  }

  private existingConfigurationSetArn(props: EmailIdentityProps): string | undefined {
    const name = props.email.configurationSet?.name;
    if (name === undefined) return undefined;
    return `${this.accountArn()}configuration-set/${name}`;
  }

  /** `arn:<partition>:ses:<region>:<account>:`, the data sources created once, on first use. */
  private accountArn(): string {
    if (this.accountArnPrefix === undefined) {
      const partition = new DataAwsPartition(this, 'partition');
      const account = new DataAwsCallerIdentity(this, 'account');
      this.accountArnPrefix = `arn:${partition.partition}:ses:${this.props.region}:${account.accountId}:`;
    }
    return this.accountArnPrefix;
  }
}
