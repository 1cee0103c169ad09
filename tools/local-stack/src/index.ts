export { startLocalStack, DEFAULT_AUTH_SESSION_VALIDITY_SECONDS, DEFAULT_REGION } from './stack/local-stack';
export type { LocalStack, LocalStackOptions } from './stack/local-stack';
export type { LocalStackOutputs } from './stack/outputs';
export { OUTPUTS_FILE_NAME } from './stack/outputs';
export { readStackEnvironment, DEFAULT_COGNITO_PORT, DEFAULT_SES_PORT } from './stack/environment';
export type { StackEnvironment } from './stack/environment';
export { DEFAULT_EMAIL_FROM, FUNCTION_NAMES, TRIGGER_VARIABLES } from './stack/trigger-functions';
export type { TriggerKind, TriggerSettings } from './stack/trigger-functions';
export { CognitoServiceError, LocalStackConfigError, LocalStackStartError, PortInUseError } from './errors';
