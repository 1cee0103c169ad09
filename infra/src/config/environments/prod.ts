import { ACCOUNT_ID_PLACEHOLDER } from '../account-id.js';
import type { EnvironmentConfigInput } from '../environment-config.schema.js';

/**
 * Production: a verified domain identity (with DKIM) and a configuration set
 * for delivery events, remote state in S3 with native locking, a year of
 * logs, deletion protection on, and alarms emailed to operations. Replace the
 * domain, the alarm address and the state bucket with your own before deploying.
 */
export const prod = {
  environment: 'prod',
  region: 'eu-west-1',
  // The 12-digit id of the account this environment deploys to; the synth stops until it is set.
  accountId: ACCOUNT_ID_PLACEHOLDER,
  namePrefix: 'cognito-passwordless',
  tags: { project: 'cognito-passwordless', environment: 'prod' },
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
    from: 'Example <no-reply@auth.example.com>',
    appName: 'Example',
    sesIdentity: 'auth.example.com',
    configurationSet: { name: 'cognito-passwordless-prod', manage: true },
    // Return-Path in the sender's domain, so SPF aligns for DMARC; publish the ses_mail_from_records output.
    mailFromDomain: 'mail.auth.example.com',
    // This account's suppression list (bounces, complaints) is managed here; one stack per account and region should.
    manageAccountSuppression: true,
  },
  lambda: { memoryMb: 256, logLevel: 'INFO' },
  logRetentionDays: 365,
  deletionProtection: true,
  production: true,
  // Per-user sign-in state: restorable for 35 days (point-in-time recovery).
  stateTable: { pointInTimeRecovery: true },
  // About three times the busiest normal 5 minutes at 1 million monthly users (docs/operations.md). Replace the address.
  alarms: { email: 'ops@example.com', wrongAnswersPer5Minutes: 750, unknownUserAttemptsPer5Minutes: 750, limitedSignInsPer5Minutes: 50 },
  // WAF on with the default rate (docs/operations.md, "WAF rate limit"); the feature plan defaults to LITE.
  waf: { enabled: true },
  state: {
    type: 's3',
    bucket: 'example-terraform-state',
    key: 'cognito-passwordless/prod/terraform.tfstate',
  },
} satisfies EnvironmentConfigInput;
