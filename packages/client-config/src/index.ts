export { buildAmplifyConfiguration } from './amplify-configuration.js';
export type { AmplifyConfiguration } from './amplify-configuration.js';
export { AMPLIFY_OUTPUTS_VERSION, buildAmplifyOutputs } from './amplify-outputs.js';
export type { AmplifyOutputs } from './amplify-outputs.js';
export { parseClientConfigInput } from './client-config-input.js';
export type { ClientConfig, ClientConfigInput } from './client-config-input.js';
export {
  AMPLIFY_CONFIGURATION_FILE_NAME,
  AMPLIFY_OUTPUTS_FILE_NAME,
  buildClientConfigFiles,
} from './client-config-files.js';
export type { ClientConfigFile } from './client-config-files.js';
export { ClientConfigError } from './errors.js';
export { generateSignUpPassword, SIGN_UP_PASSWORD_LENGTH } from './sign-up-password.js';
export type { RandomFill } from './sign-up-password.js';
export { AUTHENTICATION_FLOW_TYPE, GEN1_AUTHENTICATION_FLOW_TYPES } from './user-pool-settings.js';
export type { Gen1AuthenticationFlowType } from './user-pool-settings.js';
