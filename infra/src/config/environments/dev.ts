import { ACCOUNT_ID_PLACEHOLDER } from '../account-id.js';
import type { EnvironmentConfigInput } from '../environment-config.schema.js';

/**
 * Development: a single verified sender address (SES sandbox friendly), local
 * Terraform state, short log retention, and a user pool that can be destroyed.
 * Replace the addresses with ones you control before deploying.
 */
export const dev = {
  environment: 'dev',
  region: 'eu-west-1',
  // The 12-digit id of the account this environment deploys to; the synth stops until it is set.
  accountId: ACCOUNT_ID_PLACEHOLDER,
  namePrefix: 'cognito-passwordless',
  tags: { project: 'cognito-passwordless', environment: 'dev' },
  signIn: {
    flow: 'passwordless',
    maxCodeAttempts: 3,
    codeLength: 6,
    codeTtlSeconds: 300,
    maxCodesPerHour: 5,
    maxFailedAnswersPerDay: 30,
    resendCooldownSeconds: 30,
  },
  email: {
    from: 'Sign-in <no-reply@example.com>',
    appName: 'Example (dev)',
    // A locale beyond the shipped ones, to show how (infra/README.md, "Email templates").
    templates: 'email-templates/dev',
    sesIdentity: 'no-reply@example.com',
    // A new account is in the SES sandbox: testers verify their own addresses, which SES then authorizes as recipients.
    sandbox: true,
  },
  lambda: { memoryMb: 256, logLevel: 'DEBUG' },
  logRetentionDays: 14,
  deletionProtection: false,
  production: false,
  // Per-user sign-in state: continuous backups are not worth it for testers.
  stateTable: { pointInTimeRecovery: false },
  // No email subscription: testers look at the dashboard. Low thresholds, since a handful of testers is the normal load.
  alarms: { wrongAnswersPer5Minutes: 30, unknownUserAttemptsPer5Minutes: 30, limitedSignInsPer5Minutes: 10 },
  // No WAF in dev: a web ACL costs money every month, and testers are few. The feature plan defaults to LITE.
  waf: { enabled: false },
  state: { type: 'local' },
} satisfies EnvironmentConfigInput;
