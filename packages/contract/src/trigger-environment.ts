import type { TriggerName } from './trigger-names';
import { TRIGGER_SIGN_IN_VARIABLES, type TextVariable, type TriggerVariable } from './trigger-variables';

const text = (name: string, description: string): TextVariable => /* @__PURE__ */ Object.freeze({ kind: 'text', name, description });

/** The email delivery package's variables, which only Create reads (its schema holds their checks). */
export const EMAIL_FROM = /* @__PURE__ */ text('EMAIL_FROM', 'the sender, `address` or `Name <address>`; required');
export const EMAIL_DEFAULT_LOCALE = /* @__PURE__ */ text('EMAIL_DEFAULT_LOCALE', "the email's language when the user's locale has no templates; en unset");
export const EMAIL_SUBJECT = /* @__PURE__ */ text('EMAIL_SUBJECT', "replaces the default locale's subject; unset, each locale has its own");
export const EMAIL_APP_NAME = /* @__PURE__ */ text('EMAIL_APP_NAME', "the product's name in the code email, one line of plain text");
export const SES_CONFIGURATION_SET = /* @__PURE__ */ text('SES_CONFIGURATION_SET', 'the SES configuration set the email is sent through, for event publishing');

/** EMAIL_SUBJECT: one line of at most this many characters. */
export const MAX_EMAIL_SUBJECT_LENGTH = 200;
/** EMAIL_DEFAULT_LOCALE when unset. */
export const DEFAULT_EMAIL_LOCALE = 'en';
/** SES_CONFIGURATION_SET: an SES configuration set name. */
export const SES_CONFIGURATION_SET_NAME = /^[A-Za-z0-9_-]{1,64}$/;

export const EMAIL_VARIABLES: readonly TextVariable[] = /* @__PURE__ */ Object.freeze([
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
export const POWERTOOLS_SERVICE_NAME = /* @__PURE__ */ text('POWERTOOLS_SERVICE_NAME', "the trigger's name, as its log lines' service");

/**
 * Every variable each trigger's function reads: the sign-in variables the
 * contract gives it and, for Create, the email delivery's. What a deployment
 * or the local stack passes to a function, and nothing else.
 */
export const TRIGGER_ENVIRONMENT = /* @__PURE__ */ environmentOf(TRIGGER_SIGN_IN_VARIABLES, EMAIL_VARIABLES);

// Built by a call marked pure, as the module's other values, so a bundle that reads none of them drops them.
function environmentOf(
  signIn: typeof TRIGGER_SIGN_IN_VARIABLES,
  email: readonly TriggerVariable[],
): Readonly<Record<TriggerName, readonly TriggerVariable[]>> {
  return Object.freeze({
    'define-auth-challenge': [...signIn['define-auth-challenge']],
    'create-auth-challenge': [...signIn['create-auth-challenge'], ...email],
    'verify-auth-challenge': [...signIn['verify-auth-challenge']],
  });
}
