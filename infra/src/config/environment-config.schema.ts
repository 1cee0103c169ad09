import {
  APP_NAME_CHARACTERS,
  CODE_LENGTH,
  CODE_TTL_SECONDS,
  DEFAULT_EMAIL_LOCALE,
  EMAIL_LOCALE_TAG,
  isDomainName,
  isPlainEmailAddress,
  MAX_APP_NAME_LENGTH,
  MAX_CODE_ATTEMPTS,
  MAX_CODES_PER_HOUR,
  MAX_EMAIL_SUBJECT_LENGTH,
  MAX_FAILED_ANSWERS_PER_DAY,
  RESEND_COOLDOWN_SECONDS,
  senderAddressOf,
  SES_CONFIGURATION_SET_NAME,
  SIGN_IN_FLOW,
  type WholeNumberVariable,
} from '@cognito-passwordless/contract';
import * as v from 'valibot';
import { identityCoversAddress, isMailFromDomainOf } from './email-address.js';
import { guessingBoundProblem } from './guessing-bound.js';
import { WafSchema } from './pool-protection.schema.js';

/** Values CloudWatch Logs accepts for a log group's retention. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

export const LAMBDA_LOG_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'] as const;

export const USER_POOL_TIERS = ['LITE', 'ESSENTIALS', 'PLUS'] as const;

const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;

function integerFrom(min: number, max: number) {
  return v.pipe(
    v.number('must be an integer'),
    v.integer(`must be an integer from ${min} to ${max}`),
    v.minValue(min, `must be an integer from ${min} to ${max}`),
    v.maxValue(max, `must be an integer from ${min} to ${max}`),
  );
}

function integerBetween(min: number, max: number, fallback: number) {
  return v.optional(integerFrom(min, max), fallback);
}

/** A setting of a trigger variable, with the bounds and default the contract gives it. */
function wholeNumberSetting(variable: WholeNumberVariable) {
  return integerBetween(variable.min, variable.max, variable.defaultValue);
}

const RegionSchema = v.pipe(v.string(), v.regex(REGION, 'must be an AWS region such as "eu-west-1"'));

const SignInSchema = v.pipe(
  v.strictObject({
    /** SIGN_IN_FLOW of the Define trigger. */
    flow: v.optional(v.picklist(SIGN_IN_FLOW.values, `must be one of ${SIGN_IN_FLOW.values.join(', ')}`), SIGN_IN_FLOW.defaultValue),
    /** MAX_CODE_ATTEMPTS: wrong answers before the session fails. */
    maxCodeAttempts: wholeNumberSetting(MAX_CODE_ATTEMPTS),
    /** CODE_LENGTH: digits in the emailed code. */
    codeLength: wholeNumberSetting(CODE_LENGTH),
    /** CODE_TTL_SECONDS: how long a code is accepted; also sizes the app client's session validity. */
    codeTtlSeconds: wholeNumberSetting(CODE_TTL_SECONDS),
    /** MAX_CODES_PER_HOUR: code emails per username per rolling hour (Create). */
    maxCodesPerHour: wholeNumberSetting(MAX_CODES_PER_HOUR),
    /** MAX_FAILED_ANSWERS_PER_DAY: wrong answers per username per rolling 24 hours (Create and Verify). */
    maxFailedAnswersPerDay: wholeNumberSetting(MAX_FAILED_ANSWERS_PER_DAY),
    /** RESEND_COOLDOWN_SECONDS: minimum gap between two code emails of one sign-in (Create). */
    resendCooldownSeconds: wholeNumberSetting(RESEND_COOLDOWN_SECONDS),
  }),
  // Reported on maxFailedAnswersPerDay; the message names codeLength too.
  v.forward(
    v.partialCheck(
      [['codeLength'], ['maxFailedAnswersPerDay']],
      (signIn) => guessingBoundProblem(signIn) === undefined,
      (issue) => guessingBoundProblem(issue.input as { codeLength: number; maxFailedAnswersPerDay: number }) ?? 'is too high',
    ),
    ['maxFailedAnswersPerDay'],
  ),
  // The triggers refuse the same at load: a resend gap longer than a code lives leaves a late email's reader only waiting.
  v.forward(
    v.partialCheck(
      [['codeTtlSeconds'], ['resendCooldownSeconds']],
      (signIn) => signIn.resendCooldownSeconds <= signIn.codeTtlSeconds,
      (issue) => {
        const { codeTtlSeconds, resendCooldownSeconds } = issue.input as { codeTtlSeconds: number; resendCooldownSeconds: number };
        return `is ${resendCooldownSeconds}, longer than codeTtlSeconds (${codeTtlSeconds}): the gap between resends must not be longer than a code lives`;
      },
    ),
    ['resendCooldownSeconds'],
  ),
);

const ConfigurationSetSchema = v.strictObject({
  name: v.pipe(
    v.string(),
    v.regex(SES_CONFIGURATION_SET_NAME, 'must be 1–64 letters, digits, "_" or "-" (an SES configuration set name)'),
  ),
  /** true: this stack creates it; false: it already exists in the account and region. */
  manage: v.boolean('must be true (the stack creates it) or false (it exists already)'),
});

const EmailSchema = v.pipe(
  v.strictObject({
    /** EMAIL_FROM: the sender, `address` or `Name <address>`. */
    from: v.pipe(
      v.string(),
      v.check((value) => senderAddressOf(value) !== undefined, 'must be an email address or "Name <address>", on one line'),
    ),
    /** EMAIL_SUBJECT: replaces the default locale's subject; unset, each locale has its own. */
    subject: v.optional(
      v.pipe(
        v.string(),
        v.minLength(1, 'must not be empty'),
        v.maxLength(MAX_EMAIL_SUBJECT_LENGTH, `must be at most ${MAX_EMAIL_SUBJECT_LENGTH} characters`),
        v.regex(/^[^\r\n]*$/, 'must not contain a line break'),
      ),
    ),
    /** EMAIL_APP_NAME: the product's name in the code email, one line of plain text. */
    appName: v.optional(
      v.pipe(
        v.string(),
        v.maxLength(MAX_APP_NAME_LENGTH, `must be at most ${MAX_APP_NAME_LENGTH} characters`),
        v.regex(APP_NAME_CHARACTERS, 'must be one line of plain text, without control characters'),
        v.check((name) => name.trim() === name, 'must not start or end with a space'),
      ),
    ),
    /** EMAIL_DEFAULT_LOCALE: the email's language when the user's locale has no templates. */
    defaultLocale: v.optional(v.pipe(v.string(), v.regex(EMAIL_LOCALE_TAG, 'must be a language tag such as "en" or "pt-BR"')), DEFAULT_EMAIL_LOCALE),
    /** Folder of template overrides (`<locale>.subject.txt`, `.txt`, `.html`), relative to the infra folder. */
    templates: v.optional(v.pipe(v.string(), v.regex(/^[\w./-]+$/, 'must be a folder path such as "email-templates/prod"'))),
    /** The SES identity to verify and send through: an email address or a domain. */
    sesIdentity: v.pipe(
      v.string(),
      v.check((value) => isPlainEmailAddress(value) || isDomainName(value), 'must be an email address or a domain name'),
    ),
    /** SES_CONFIGURATION_SET, for event publishing and reputation metrics. */
    configurationSet: v.optional(ConfigurationSetSchema),
    /**
     * The account is in the SES sandbox in this region: the create function may
     * also send to the account's verified identities, which SES authorizes as
     * recipients there. Leave it false once production access is granted.
     */
    sandbox: v.optional(v.boolean('must be true or false'), false),
    /** Custom MAIL FROM domain, a subdomain of the identity's domain, so SPF aligns with the From domain. */
    mailFromDomain: v.optional(v.pipe(v.string(), v.check((value: string) => isDomainName(value), 'must be a domain name'))),
    /**
     * Manage the account-level suppression list (bounces and complaints) of
     * this account and region. One setting per account and region: let one
     * stack own it.
     */
    manageAccountSuppression: v.optional(v.boolean('must be true or false'), false),
  }),
  v.forward(
    v.partialCheck(
      [['from'], ['sesIdentity']],
      (email) => {
        const address = senderAddressOf(email.from);
        return address === undefined || identityCoversAddress(email.sesIdentity, address);
      },
      'must be an address of the SES identity (equal to it, or in its domain)',
    ),
    ['from'],
  ),
  v.forward(
    v.partialCheck(
      [['mailFromDomain'], ['sesIdentity']],
      (email) => email.mailFromDomain === undefined || isMailFromDomainOf(email.mailFromDomain, email.sesIdentity),
      "must be a subdomain of the SES identity's domain, e.g. mail.<domain>",
    ),
    ['mailFromDomain'],
  ),
);

const LambdaSchema = v.strictObject({
  memoryMb: integerBetween(128, 10240, 256),
  /** Application log level of Lambda's JSON logging (Powertools reads it from AWS_LAMBDA_LOG_LEVEL). */
  logLevel: v.optional(v.picklist(LAMBDA_LOG_LEVELS, `must be one of ${LAMBDA_LOG_LEVELS.join(', ')}`), 'INFO'),
});

/** Catches a slipped digit: even 10 million monthly users make about 50,000 sign-ins in their busiest 5 minutes. */
const MAX_ALARM_THRESHOLD = 1_000_000;

const AlarmsSchema = v.strictObject({
  /**
   * Subscribed to the environment's alarm topic. SNS emails a confirmation
   * link first; nothing arrives until someone clicks it.
   */
  email: v.optional(v.pipe(v.string(), v.check((value: string) => isPlainEmailAddress(value), 'must be an email address'))),
  /**
   * Wrong answers to real users' codes in 5 minutes above which the guessing
   * alarm fires. Set it to about three times the busiest normal 5 minutes
   * (docs/operations.md, "Guessing and enumeration thresholds").
   */
  wrongAnswersPer5Minutes: integerFrom(1, MAX_ALARM_THRESHOLD),
  /** Sign-in attempts for users that do not exist in 5 minutes above which the enumeration alarm fires. */
  unknownUserAttemptsPer5Minutes: integerFrom(1, MAX_ALARM_THRESHOLD),
  /**
   * Sign-ins refused by one per-user limit in 5 minutes above which that
   * limit's alarm fires (docs/operations.md, "Per-user limit alarms").
   */
  limitedSignInsPer5Minutes: integerFrom(1, MAX_ALARM_THRESHOLD),
});

const StateTableSchema = v.strictObject({
  /**
   * DynamoDB point-in-time recovery of the sign-in state table (continuous
   * backups for 35 days). Losing the table only resets the per-user windows,
   * so this is about restoring an attack's record, not users' data.
   */
  pointInTimeRecovery: v.boolean('must be true or false'),
});

const LocalStateSchema = v.strictObject({ type: v.literal('local') });

const S3StateSchema = v.strictObject({
  type: v.literal('s3'),
  bucket: v.pipe(
    v.string(),
    v.regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name (3–63 lowercase letters, digits, "." or "-")'),
  ),
  /** Object key of the state; defaults to `<stack name>/terraform.tfstate`. */
  key: v.optional(v.pipe(v.string(), v.regex(/^[^/\s][^\s]*\.tfstate$/, 'must be a relative key ending in ".tfstate"'))),
  /** Region of the bucket; defaults to the stack's region. */
  region: v.optional(RegionSchema),
  /** Customer-managed KMS key for the state object; SSE-S3 when omitted. */
  kmsKeyId: v.optional(v.pipe(v.string(), v.regex(/^arn:aws[a-z-]*:kms:/, 'must be a KMS key ARN'))),
});

export const EnvironmentConfigSchema = v.strictObject({
  /** Short environment name, the stack name's suffix. */
  environment: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9]{1,11}$/, 'must be 2–12 lowercase letters or digits')),
  region: RegionSchema,
  /**
   * Prefix of every resource name. Kept short because Lambda function names
   * `<prefix>-<environment>-verify-auth-challenge` are limited to 64 characters.
   */
  namePrefix: v.pipe(
    v.string(),
    v.regex(/^[a-z][a-z0-9-]{1,22}[a-z0-9]$/, 'must be 3–24 lowercase letters, digits or "-"'),
  ),
  /** Tags applied to every resource through the provider's default_tags. */
  tags: v.optional(
    v.record(
      v.pipe(v.string(), v.regex(/^(?!aws:)[\p{L}\p{Z}\p{N}_.:/=+@-]{1,128}$/u, 'must be a valid AWS tag key')),
      v.pipe(v.string(), v.regex(/^[\p{L}\p{Z}\p{N}_.:/=+@-]{0,256}$/u, 'must be a valid AWS tag value')),
    ),
    {},
  ),
  signIn: v.optional(SignInSchema, {}),
  email: EmailSchema,
  lambda: v.optional(LambdaSchema, {}),
  logRetentionDays: v.picklist(LOG_RETENTION_DAYS, `must be one of ${LOG_RETENTION_DAYS.join(', ')}`),
  /** Cognito deletion protection: a protected user pool cannot be destroyed until it is switched off. */
  deletionProtection: v.boolean('must be true or false'),
  /**
   * The AWS account the environment deploys to, 12 digits. The provider
   * refuses credentials of any other account (`allowed_account_ids`).
   */
  accountId: v.pipe(
    v.string('must be the 12-digit AWS account id, as a string'),
    v.regex(/^\d{12}$/, 'must be the 12-digit AWS account id, as a string'),
  ),
  /**
   * A production environment: deletion protection is required and Terraform
   * refuses to destroy the user pool and the state table (`prevent_destroy`),
   * unless `allowUnprotectedProduction` is set.
   */
  production: v.boolean('must be true or false'),
  /** The documented way to run production without deletion protection (e.g. to decommission it); says why. */
  allowUnprotectedProduction: v.optional(
    v.strictObject({
      reason: v.pipe(v.string(), v.regex(/\S.{9,}/, 'must say why, in at least 10 characters')),
    }),
  ),
  /** Cognito feature plan; left out, the cheapest one the settings need (config/user-pool-tier.ts). */
  userPoolTier: v.optional(v.picklist(USER_POOL_TIERS, `must be one of ${USER_POOL_TIERS.join(', ')}`)),
  /** Cognito threat protection, enforced for custom auth too; needs the PLUS plan. */
  threatProtection: v.optional(v.boolean('must be true or false'), false),
  /** AWS WAF in front of the user pool (rate limit per client IP, AWS IP reputation list). */
  waf: v.optional(WafSchema, {}),
  /** Where the alarms notify, and the thresholds that depend on this environment's traffic. */
  alarms: AlarmsSchema,
  /** The DynamoDB table of per-user sign-in state (protected as the user pool is: `preventsDestroy`). */
  stateTable: StateTableSchema,
  /** Where Terraform keeps this environment's state. */
  state: v.variant('type', [LocalStateSchema, S3StateSchema], 'must have type "local" or "s3"'),
});

/** What an environment file writes: optional fields may be left out. */
export type EnvironmentConfigInput = v.InferInput<typeof EnvironmentConfigSchema>;

/** A validated environment configuration with every default filled in. */
export type EnvironmentConfig = Readonly<v.InferOutput<typeof EnvironmentConfigSchema>>;

export type StateBackendConfig = EnvironmentConfig['state'];

export type AlarmsConfig = EnvironmentConfig['alarms'];

export type StateTableConfig = EnvironmentConfig['stateTable'];
