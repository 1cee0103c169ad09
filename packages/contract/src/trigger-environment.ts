import type { TriggerName } from './trigger-names';
import { TRIGGER_SIGN_IN_VARIABLES, type TextVariable, type TriggerVariable } from './trigger-variables';

const text = (name: string, description: string): TextVariable => Object.freeze({ kind: 'text', name, description });

/** The email delivery package's variables, which only Create reads (its schema holds their checks). */
export const EMAIL_FROM = text('EMAIL_FROM', 'the sender, `address` or `Name <address>`; required');
export const EMAIL_DEFAULT_LOCALE = text('EMAIL_DEFAULT_LOCALE', "the email's language when the user's locale has no templates; en unset");
export const EMAIL_SUBJECT = text('EMAIL_SUBJECT', "replaces the default locale's subject; unset, each locale has its own");
export const EMAIL_APP_NAME = text('EMAIL_APP_NAME', "the product's name in the code email, one line of plain text");
export const SES_CONFIGURATION_SET = text('SES_CONFIGURATION_SET', 'the SES configuration set the email is sent through, for event publishing');

/** EMAIL_SUBJECT: one line of at most this many characters. */
export const MAX_EMAIL_SUBJECT_LENGTH = 200;
/** EMAIL_DEFAULT_LOCALE when unset. */
export const DEFAULT_EMAIL_LOCALE = 'en';
/** SES_CONFIGURATION_SET: an SES configuration set name. */
export const SES_CONFIGURATION_SET_NAME = /^[A-Za-z0-9_-]{1,64}$/;

export const EMAIL_VARIABLES: readonly TextVariable[] = Object.freeze([
  EMAIL_FROM,
  EMAIL_DEFAULT_LOCALE,
  EMAIL_SUBJECT,
  EMAIL_APP_NAME,
  SES_CONFIGURATION_SET,
]);

/**
 * Set by the deployment to the trigger's name. The bundles' loggers name
 * themselves the same in code, so a bundle reads nothing from it; it is
 * listed so the deployment's variables are all written here.
 */
export const POWERTOOLS_SERVICE_NAME = text('POWERTOOLS_SERVICE_NAME', "the trigger's name, as its log lines' service");

/**
 * Every variable each trigger's function reads: the sign-in variables the
 * contract gives it and, for Create, the email delivery's. What a deployment
 * or the local stack passes to a function, and nothing else.
 */
export const TRIGGER_ENVIRONMENT: Readonly<Record<TriggerName, readonly TriggerVariable[]>> = Object.freeze({
  'define-auth-challenge': [...TRIGGER_SIGN_IN_VARIABLES['define-auth-challenge']],
  'create-auth-challenge': [...TRIGGER_SIGN_IN_VARIABLES['create-auth-challenge'], ...EMAIL_VARIABLES],
  'verify-auth-challenge': [...TRIGGER_SIGN_IN_VARIABLES['verify-auth-challenge']],
});
