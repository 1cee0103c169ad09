import { Sesv2EmailIdentityMailFromAttributes } from '@cdktf/provider-aws/lib/sesv2-email-identity-mail-from-attributes';
import { Construct } from 'constructs';

export const SES_MAIL_FROM_LOGICAL_ID = 'ses_mail_from';

export interface MailFromDomainProps {
  /** The identity's name (a reference, so Terraform creates the identity first). */
  readonly emailIdentity: string;
  readonly mailFromDomain: string;
  readonly region: string;
}

/** One DNS record to publish. */
export interface DnsRecord {
  readonly name: string;
  readonly type: 'MX' | 'TXT';
  readonly value: string;
}

/**
 * A custom MAIL FROM (Return-Path) domain for the identity, so that SPF
 * passes for a subdomain of the From domain (DMARC alignment). Until its MX
 * record resolves, SES falls back to its own amazonses.com MAIL FROM rather
 * than refusing to send.
 */
export class MailFromDomain extends Construct {
  readonly attributes: Sesv2EmailIdentityMailFromAttributes;
  /** The MX and SPF records SES needs for the domain. */
  readonly records: readonly DnsRecord[];

  constructor(scope: Construct, id: string, props: MailFromDomainProps) {
    super(scope, id);
    this.attributes = new Sesv2EmailIdentityMailFromAttributes(this, 'attributes', {
      emailIdentity: props.emailIdentity,
      mailFromDomain: props.mailFromDomain,
      behaviorOnMxFailure: 'USE_DEFAULT_VALUE',
    });
    // A fixed address: the deploy command applies it with the identity, before the rest.
    this.attributes.overrideLogicalId(SES_MAIL_FROM_LOGICAL_ID);
    this.records = mailFromRecords(props.mailFromDomain, props.region);
  }
}

/** The records SES documents for a custom MAIL FROM domain in `region`. */
export function mailFromRecords(mailFromDomain: string, region: string): readonly DnsRecord[] {
  return [
    { name: mailFromDomain, type: 'MX', value: `10 feedback-smtp.${region}.amazonses.com` },
    { name: mailFromDomain, type: 'TXT', value: '"v=spf1 include:amazonses.com ~all"' },
  ];
}
