import { parseEnvironmentConfig } from '../../src/config/parse-environment-config.js';
import { identityTargets, nextDeployStep, verificationInstructions } from '../../src/deploy/deploy-steps.js';
import { identityStateOf } from '../../src/deploy/terraform-state.js';
import { devInput, prodInput } from '../helpers/fixtures.js';

const UNVERIFIED = { kind: 'present', verified: false, dkimTokens: ['tok1', 'tok2', 'tok3'] } as const;

describe('nextDeployStep', () => {
  it.each([
    [{ kind: 'absent' } as const, false, 'create-identity'],
    [{ kind: 'absent' } as const, true, 'wait-for-verification'],
    [UNVERIFIED, false, 'refresh-identity'],
    [UNVERIFIED, true, 'wait-for-verification'],
    [{ ...UNVERIFIED, verified: true }, false, 'apply-all'],
    [{ ...UNVERIFIED, verified: true }, true, 'apply-all'],
  ])('goes from %j (asked SES this run: %s) to %s', (identity, refreshed, step) => {
    expect(nextDeployStep(identity, refreshed)).toBe(step);
  });
});

describe('identityTargets', () => {
  it('targets the identity, and the MAIL FROM where one is configured', () => {
    expect(identityTargets(parseEnvironmentConfig(devInput()))).toEqual(['aws_sesv2_email_identity.ses_identity']);
    expect(identityTargets(parseEnvironmentConfig(prodInput()))).toEqual([
      'aws_sesv2_email_identity.ses_identity',
      'aws_sesv2_email_identity_mail_from_attributes.ses_mail_from',
    ]);
  });
});

describe('verificationInstructions', () => {
  it('lists the DKIM and MAIL FROM records of a domain identity and the command to run again', () => {
    const lines = verificationInstructions(parseEnvironmentConfig(prodInput()), UNVERIFIED, 'npx nx run infra:deploy -- --env prod');

    expect(lines).toEqual([
      'The SES identity auth.example.com is not verified yet, so Cognito cannot use it.',
      'Publish these DNS records (Easy DKIM); SES verifies the domain once they resolve:',
      '  tok1._domainkey.auth.example.com  CNAME  tok1.dkim.amazonses.com',
      '  tok2._domainkey.auth.example.com  CNAME  tok2.dkim.amazonses.com',
      '  tok3._domainkey.auth.example.com  CNAME  tok3.dkim.amazonses.com',
      'For the custom MAIL FROM domain (not needed for verification, needed for SPF alignment):',
      '  mail.auth.example.com  MX  10 feedback-smtp.eu-west-1.amazonses.com',
      '  mail.auth.example.com  TXT  "v=spf1 include:amazonses.com ~all"',
      'Then run again: npx nx run infra:deploy -- --env prod',
    ]);
  });

  it('points an address identity at the verification email, and sandbox testers at their own', () => {
    const lines = verificationInstructions(parseEnvironmentConfig(devInput()), UNVERIFIED, 'again');

    expect(lines).toContain('SES has emailed a verification link to no-reply@example.com: open it (it expires after 24 hours).');
    expect(lines.some((line) => line.includes('SES sandbox'))).toBe(true);
  });
});

describe('identityStateOf', () => {
  it('reads an empty state as no identity', () => {
    expect(identityStateOf({ format_version: '1.0' })).toEqual({ kind: 'absent' });
  });

  it('reads the verification status and DKIM tokens from the state', () => {
    const show = {
      values: {
        root_module: {
          resources: [
            {
              address: 'aws_sesv2_email_identity.ses_identity',
              values: { verified_for_sending_status: true, dkim_signing_attributes: [{ tokens: ['a', 'b'] }] },
            },
          ],
        },
      },
    };

    expect(identityStateOf(show)).toEqual({ kind: 'present', verified: true, dkimTokens: ['a', 'b'] });
  });
});
