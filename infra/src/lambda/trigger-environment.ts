import type { EnvironmentConfig } from '../config/environment-config.schema.js';
import type { TriggerName } from './triggers.js';

/**
 * The environment contract: each function gets only the variables it reads.
 * Nothing secret goes here (Lambda environment variables are readable by
 * anyone with lambda:GetFunctionConfiguration); codes never leave the
 * Cognito session.
 */
export function triggerEnvironment(trigger: TriggerName, config: EnvironmentConfig): Record<string, string> {
  const { signIn, email } = config;
  const common = { POWERTOOLS_SERVICE_NAME: trigger };
  switch (trigger) {
    case 'define-auth-challenge':
      return {
        ...common,
        SIGN_IN_FLOW: signIn.flow,
        MAX_CODE_ATTEMPTS: String(signIn.maxCodeAttempts),
      };
    case 'create-auth-challenge':
      return {
        ...common,
        MAX_CODE_ATTEMPTS: String(signIn.maxCodeAttempts),
        CODE_LENGTH: String(signIn.codeLength),
        CODE_TTL_SECONDS: String(signIn.codeTtlSeconds),
        EMAIL_FROM: email.from,
        EMAIL_DEFAULT_LOCALE: email.defaultLocale,
        ...(email.subject === undefined ? {} : { EMAIL_SUBJECT: email.subject }),
        ...(email.appName === undefined ? {} : { EMAIL_APP_NAME: email.appName }),
        ...(email.configurationSet === undefined ? {} : { SES_CONFIGURATION_SET: email.configurationSet.name }),
      };
    case 'verify-auth-challenge':
      return {
        ...common,
        CODE_LENGTH: String(signIn.codeLength),
        CODE_TTL_SECONDS: String(signIn.codeTtlSeconds),
      };
  }
}
