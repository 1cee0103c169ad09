import {
  CODE_LENGTH,
  CODE_TTL_SECONDS,
  MAX_CODE_ATTEMPTS,
  MAX_CODES_PER_HOUR,
  MAX_FAILED_ANSWERS_PER_DAY,
  RESEND_COOLDOWN_SECONDS,
  SIGN_IN_FLOW,
  SIGN_IN_STATE_TABLE,
  TRIGGER_SIGN_IN_VARIABLES,
  type TriggerVariable,
} from '@cognito-passwordless/contract';
import type { EnvironmentConfig } from '../config/environment-config.schema.js';
import { UnwiredTriggerVariableError } from '../errors.js';
import type { TriggerName } from './triggers.js';

/** What the stack creates that a trigger's variables name. */
export interface TriggerResources {
  /** Name (or a Terraform reference to the name) of the sign-in state table. */
  readonly stateTableName: string;
}

type ValueOf = (config: EnvironmentConfig, resources: TriggerResources) => string;

/** Where each sign-in variable of the contract gets its value, by variable name. */
const SIGN_IN_VALUES: Readonly<Record<string, ValueOf>> = {
  [SIGN_IN_FLOW.name]: ({ signIn }) => signIn.flow,
  [MAX_CODE_ATTEMPTS.name]: ({ signIn }) => String(signIn.maxCodeAttempts),
  [CODE_LENGTH.name]: ({ signIn }) => String(signIn.codeLength),
  [CODE_TTL_SECONDS.name]: ({ signIn }) => String(signIn.codeTtlSeconds),
  [MAX_CODES_PER_HOUR.name]: ({ signIn }) => String(signIn.maxCodesPerHour),
  [MAX_FAILED_ANSWERS_PER_DAY.name]: ({ signIn }) => String(signIn.maxFailedAnswersPerDay),
  [RESEND_COOLDOWN_SECONDS.name]: ({ signIn }) => String(signIn.resendCooldownSeconds),
  [SIGN_IN_STATE_TABLE.name]: (_config, resources) => resources.stateTableName,
};

/**
 * Contract variables the stack leaves to the trigger's default for now: none,
 * every one has an environment setting.
 */
export const UNSET_SIGN_IN_VARIABLES: readonly TriggerVariable[] = [];

/**
 * The environment contract: each function gets exactly the sign-in variables
 * the contract lists for it (`TRIGGER_SIGN_IN_VARIABLES`), so a variable added
 * there fails synth until it is wired here, plus the email settings Create's
 * sender reads. Nothing secret goes here (Lambda environment variables are
 * readable by anyone with lambda:GetFunctionConfiguration); codes never leave
 * the Cognito session.
 */
export function triggerEnvironment(
  trigger: TriggerName,
  config: EnvironmentConfig,
  resources: TriggerResources,
): Record<string, string> {
  const environment: Record<string, string> = { POWERTOOLS_SERVICE_NAME: trigger };
  for (const variable of TRIGGER_SIGN_IN_VARIABLES[trigger]) {
    if (UNSET_SIGN_IN_VARIABLES.includes(variable)) continue;
    const valueOf = SIGN_IN_VALUES[variable.name];
    if (valueOf === undefined) throw new UnwiredTriggerVariableError(trigger, variable.name);
    environment[variable.name] = valueOf(config, resources);
  }
  if (trigger === 'create-auth-challenge') Object.assign(environment, emailEnvironment(config.email));
  return environment;
}

function emailEnvironment(email: EnvironmentConfig['email']): Record<string, string> {
  return {
    EMAIL_FROM: email.from,
    EMAIL_DEFAULT_LOCALE: email.defaultLocale,
    ...(email.subject === undefined ? {} : { EMAIL_SUBJECT: email.subject }),
    ...(email.appName === undefined ? {} : { EMAIL_APP_NAME: email.appName }),
    ...(email.configurationSet === undefined ? {} : { SES_CONFIGURATION_SET: email.configurationSet.name }),
  };
}
