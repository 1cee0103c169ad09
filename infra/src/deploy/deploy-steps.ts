import type { EnvironmentConfig } from '../config/environment-config.schema.js';
import { isDomainName } from '@cognito-passwordless/contract';
import { SES_IDENTITY_LOGICAL_ID } from '../constructs/email-identity.js';
import { mailFromRecords, SES_MAIL_FROM_LOGICAL_ID } from '../constructs/mail-from-domain.js';

/** What the state says about the SES identity. */
export type IdentityState =
  | { readonly kind: 'absent' }
  | { readonly kind: 'present'; readonly verified: boolean; readonly dkimTokens: readonly string[] };

/**
 * The next thing a first (or any) deploy does. Cognito refuses an SES
 * identity that is not verified yet, so the user pool can only be applied
 * once SES says the identity may send:
 * - `create-identity`: apply the identity alone (with its configuration set
 *   and MAIL FROM), so SES starts verifying it;
 * - `refresh-identity`: it exists but was not verified when last read: ask
 *   SES again (refresh-only);
 * - `apply-all`: verified: apply the whole stack;
 * - `wait-for-verification`: still not verified: tell the operator what to
 *   do, and stop.
 */
export type DeployStep = 'create-identity' | 'refresh-identity' | 'apply-all' | 'wait-for-verification';

/**
 * `refreshed` is whether this run has already asked SES about the identity
 * (created or refreshed it), so an unverified identity stops the run instead
 * of looping.
 */
export function nextDeployStep(identity: IdentityState, refreshed: boolean): DeployStep {
  if (identity.kind === 'absent') return refreshed ? 'wait-for-verification' : 'create-identity';
  if (identity.verified) return 'apply-all';
  return refreshed ? 'wait-for-verification' : 'refresh-identity';
}

/** The resources applied before the rest: the identity (its configuration set follows as a dependency) and the MAIL FROM. */
export function identityTargets(config: EnvironmentConfig): readonly string[] {
  return [
    `aws_sesv2_email_identity.${SES_IDENTITY_LOGICAL_ID}`,
    ...(config.email.mailFromDomain === undefined ? [] : [`aws_sesv2_email_identity_mail_from_attributes.${SES_MAIL_FROM_LOGICAL_ID}`]),
  ];
}

/** What the operator must do before the next run can apply the rest, as lines to print. */
export function verificationInstructions(config: EnvironmentConfig, identity: IdentityState, command: string): readonly string[] {
  const { email } = config;
  const lines: string[] = [`The SES identity ${email.sesIdentity} is not verified yet, so Cognito cannot use it.`];
  if (isDomainName(email.sesIdentity)) {
    const tokens = identity.kind === 'present' ? identity.dkimTokens : [];
    lines.push('Publish these DNS records (Easy DKIM); SES verifies the domain once they resolve:');
    for (const token of tokens) {
      lines.push(`  ${token}._domainkey.${email.sesIdentity}  CNAME  ${token}.dkim.amazonses.com`);
    }
    if (tokens.length === 0) lines.push('  (SES has not handed out the DKIM tokens yet: run the command again in a minute)');
  } else {
    lines.push(`SES has emailed a verification link to ${email.sesIdentity}: open it (it expires after 24 hours).`);
  }
  if (email.mailFromDomain !== undefined) {
    lines.push(`For the custom MAIL FROM domain (not needed for verification, needed for SPF alignment):`);
    for (const record of mailFromRecords(email.mailFromDomain, config.region)) {
      lines.push(`  ${record.name}  ${record.type}  ${record.value}`);
    }
  }
  if (email.sandbox) {
    lines.push('The account is in the SES sandbox here: every tester must verify their own address in SES before codes reach them.');
  }
  lines.push(`Then run again: ${command}`);
  return lines;
}
