import {
  APP_NAME_CHARACTERS,
  DEFAULT_EMAIL_LOCALE,
  EMAIL_LOCALE_TAG,
  MAX_APP_NAME_LENGTH,
  MAX_EMAIL_SUBJECT_LENGTH,
  MAX_SENDER_LENGTH,
  senderAddressOf,
  SES_CONFIGURATION_SET_NAME,
} from '@cognito-passwordless/contract';
import { parseEnvironment, type Environment } from '@cognito-passwordless/trigger-core';
import * as v from 'valibot';

// The object's message is the one valibot gives a missing key; EMAIL_FROM is the only required one.
const REQUIRED = 'is required: the sender address, e.g. "sign-in@example.com" or "Example <sign-in@example.com>"';

export const emailConfigSchema = v.object({
  EMAIL_FROM: v.pipe(
    v.string(REQUIRED),
    v.maxLength(MAX_SENDER_LENGTH, `is too long: at most ${MAX_SENDER_LENGTH} characters`),
    // `sign-in@example.com`, or `Example Sign-in <sign-in@example.com>` (the contract's rule, which infra checks too).
    v.check((value) => senderAddressOf(value) !== undefined, 'must be one address, or "Name <address>"'),
  ),
  /** Replaces the default locale's subject (unset: each locale's own). */
  EMAIL_SUBJECT: v.optional(
    v.pipe(
      v.string(),
      v.maxLength(MAX_EMAIL_SUBJECT_LENGTH, `is too long: at most ${MAX_EMAIL_SUBJECT_LENGTH} characters`),
      v.regex(/^[^\r\n]+$/, 'must be one line: no CR or LF'),
    ),
  ),
  /** The locale of users whose `locale` attribute matches none (checked against the templates at cold start). */
  EMAIL_DEFAULT_LOCALE: v.optional(v.pipe(v.string(), v.regex(EMAIL_LOCALE_TAG, 'must be a language tag such as "en" or "pt-BR"')), DEFAULT_EMAIL_LOCALE),
  /** The product's name in the email; plain text on one line, HTML-escaped where it appears. */
  EMAIL_APP_NAME: v.optional(
    v.pipe(
      v.string(),
      v.maxLength(MAX_APP_NAME_LENGTH, `is too long: at most ${MAX_APP_NAME_LENGTH} characters`),
      v.regex(APP_NAME_CHARACTERS, 'must be one line of plain text: no line breaks or control characters'),
      v.check((name) => name.trim() === name, 'must not start or end with a space'),
    ),
  ),
  SES_CONFIGURATION_SET: v.optional(
    v.pipe(v.string(), v.regex(SES_CONFIGURATION_SET_NAME, 'must be an SES configuration set name: 1-64 letters, digits, _ or -')),
  ),
}, REQUIRED);

export type EmailConfig = Readonly<v.InferOutput<typeof emailConfigSchema>>;

/** Throws ConfigError naming the first email variable that is missing or invalid. */
export const readEmailConfig = (env: Environment): EmailConfig => parseEnvironment(emailConfigSchema, env);
