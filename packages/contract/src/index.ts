export { TRIGGER_BUNDLE_FILE, TRIGGER_NAMES, triggerBundlePath } from './trigger-names';
export type { TriggerName } from './trigger-names';
export {
  CODE_LENGTH,
  CODE_TTL_SECONDS,
  dailyGuessProbability,
  MAX_CODE_ATTEMPTS,
  MAX_CODES_PER_HOUR,
  MAX_DAILY_GUESS_PROBABILITY,
  MAX_FAILED_ANSWERS_PER_DAY,
  RESEND_COOLDOWN_SECONDS,
  SIGN_IN_FLOW,
  SIGN_IN_FLOWS,
  SIGN_IN_STATE_TABLE,
  TRIGGER_SIGN_IN_VARIABLES,
} from './trigger-variables';
export type { ChoiceVariable, SignInFlow, TextVariable, TriggerVariable, WholeNumberVariable } from './trigger-variables';
export {
  DEFAULT_EMAIL_LOCALE,
  EMAIL_APP_NAME,
  EMAIL_DEFAULT_LOCALE,
  EMAIL_FROM,
  EMAIL_SUBJECT,
  EMAIL_VARIABLES,
  MAX_EMAIL_SUBJECT_LENGTH,
  POWERTOOLS_SERVICE_NAME,
  SES_CONFIGURATION_SET,
  SES_CONFIGURATION_SET_NAME,
  TRIGGER_ENVIRONMENT,
} from './trigger-environment';
export {
  DECISION_LOG_TRIGGERS,
  DECISION_OUTCOMES,
  DEFINE_FAIL_REASONS,
  EMAIL_FAILED_OUTCOME,
  LIMITED_OUTCOME,
  SIGN_IN_LIMIT_MESSAGE,
  SIGN_IN_LIMIT_REASONS,
  STORE_FAILED_OUTCOME,
  STORE_FAILURE_REASONS,
  VERIFY_ERROR_OUTCOME,
} from './decision-log';
export type {
  DecisionLogField,
  DecisionLogFields,
  DecisionLogLine,
  DecisionLogTrigger,
  DecisionLogTriggerOf,
  DecisionOutcome,
  DecisionReason,
  DefineFailReason,
  SignInLimitReason,
  StoreFailureReason,
} from './decision-log';
export {
  APP_NAME_CHARACTERS,
  EMAIL_LOCALE_TAG,
  EMAIL_TEMPLATE_MAX_BYTES,
  EMAIL_TEMPLATE_PARTS,
  EMAIL_TEMPLATE_PLACEHOLDERS,
  EMAIL_TEMPLATES_FILE,
  emailTemplateProblems,
  FORBIDDEN_PLACEHOLDERS,
  MAX_APP_NAME_LENGTH,
  MAX_EMAIL_TEMPLATE_LOCALES,
  REQUIRED_PLACEHOLDERS,
  SHIPPED_EMAIL_LOCALES,
} from './email-templates';
export type { EmailTemplatePart, EmailTemplatePlaceholder, EmailTemplateTexts } from './email-templates';
export { DECOY_EMAIL_RECIPIENT } from './mailbox-simulator';
export { RESEND_METADATA_KEY, RESEND_METADATA_VALUE, RESEND_WAIT_PARAMETER } from './resend-request';
export {
  isDomainName,
  isPlainEmailAddress,
  MAX_DOMAIN_NAME_LENGTH,
  MAX_EMAIL_ADDRESS_LENGTH,
  MAX_SENDER_LENGTH,
  maskEmail,
  senderAddressOf,
} from './email-address';
export {
  APP_CLIENT_EXPLICIT_AUTH_FLOWS,
  APP_CLIENT_PROTECTED_ATTRIBUTES,
  APP_CLIENT_READ_ATTRIBUTES,
  APP_CLIENT_TOKEN_VALIDITY,
  APP_CLIENT_WRITE_ATTRIBUTES,
  ATTRIBUTES_REQUIRING_VERIFICATION_BEFORE_UPDATE,
} from './app-client-settings';
export type { AppClientExplicitAuthFlow } from './app-client-settings';
export {
  USER_POOL_PASSWORD_POLICY,
  USER_POOL_REQUIRED_ATTRIBUTES,
  VERIFICATION_CODE_PLACEHOLDER,
  VERIFICATION_EMAIL_MESSAGE,
  VERIFICATION_EMAIL_SUBJECT,
} from './user-pool-settings';
