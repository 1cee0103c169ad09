import {
  CODE_LENGTH,
  CODE_TTL_SECONDS,
  EMAIL_APP_NAME,
  EMAIL_DEFAULT_LOCALE,
  EMAIL_FROM,
  EMAIL_SUBJECT,
  MAX_CODE_ATTEMPTS,
  MAX_CODES_PER_HOUR,
  MAX_FAILED_ANSWERS_PER_DAY,
  POWERTOOLS_SERVICE_NAME,
  RESEND_COOLDOWN_SECONDS,
  SES_CONFIGURATION_SET,
  SIGN_IN_FLOW,
  SIGN_IN_STATE_TABLE,
  TRIGGER_ENVIRONMENT,
  type TriggerName,
  type TriggerVariable,
} from '@cognito-passwordless/contract';
import type { EnvironmentConfig } from '../config/environment-config.schema.js';
import { UnwiredTriggerVariableError } from '../errors.js';

/** What the stack creates that a trigger's variables name. */
export interface TriggerResources {
  /** Name (or a Terraform reference to the name) of the sign-in state table. */
  readonly stateTableName: string;
}

/** A variable's value in this environment; undefined leaves an optional variable unset. */
type ValueOf = (config: EnvironmentConfig, resources: TriggerResources) => string | undefined;

/** Where each variable of the contract gets its value, by variable name. */
const VALUES: Readonly<Record<string, ValueOf>> = {
  [SIGN_IN_FLOW.name]: ({ signIn }) => signIn.flow,
  [MAX_CODE_ATTEMPTS.name]: ({ signIn }) => String(signIn.maxCodeAttempts),
  [CODE_LENGTH.name]: ({ signIn }) => String(signIn.codeLength),
  [CODE_TTL_SECONDS.name]: ({ signIn }) => String(signIn.codeTtlSeconds),
  [MAX_CODES_PER_HOUR.name]: ({ signIn }) => String(signIn.maxCodesPerHour),
  [MAX_FAILED_ANSWERS_PER_DAY.name]: ({ signIn }) => String(signIn.maxFailedAnswersPerDay),
  [RESEND_COOLDOWN_SECONDS.name]: ({ signIn }) => String(signIn.resendCooldownSeconds),
  [SIGN_IN_STATE_TABLE.name]: (_config, resources) => resources.stateTableName,
  [EMAIL_FROM.name]: ({ email }) => email.from,
  [EMAIL_DEFAULT_LOCALE.name]: ({ email }) => email.defaultLocale,
  [EMAIL_SUBJECT.name]: ({ email }) => email.subject,
  [EMAIL_APP_NAME.name]: ({ email }) => email.appName,
  [SES_CONFIGURATION_SET.name]: ({ email }) => email.configurationSet?.name,
};

/**
 * Contract variables the stack leaves to the trigger's default for now: none,
 * every one has an environment setting.
 */
export const UNSET_SIGN_IN_VARIABLES: readonly TriggerVariable[] = [];

/**
 * The environment contract: each function gets exactly the variables the
 * contract lists for it (`TRIGGER_ENVIRONMENT`: its sign-in variables and,
 * for Create, the email settings), so a variable added there fails synth
 * until it is wired here, plus its Powertools service name. Nothing secret
 * goes here (Lambda environment variables are readable by anyone with
 * lambda:GetFunctionConfiguration); codes never leave the Cognito session.
 */
export function triggerEnvironment(
  trigger: TriggerName,
  config: EnvironmentConfig,
  resources: TriggerResources,
): Record<string, string> {
  const environment: Record<string, string> = { [POWERTOOLS_SERVICE_NAME.name]: trigger };
  for (const variable of TRIGGER_ENVIRONMENT[trigger]) {
    if (UNSET_SIGN_IN_VARIABLES.includes(variable)) continue;
    const valueOf = VALUES[variable.name];
    if (valueOf === undefined) throw new UnwiredTriggerVariableError(trigger, variable.name);
    const value = valueOf(config, resources);
    if (value !== undefined) environment[variable.name] = value;
  }
  return environment;
}
