export { buildApp } from './app.js';
export type { BuildAppOptions } from './app.js';
export { ACCOUNT_ID_PLACEHOLDER, accountIdVariableOf, withAccountIdOverrides } from './config/account-id.js';
export { authSessionValidityMinutes } from './config/auth-session-validity.js';
export { preventsDestroy } from './config/environment-rules.js';
export { EnvironmentConfigSchema } from './config/environment-config.schema.js';
export type {
  AlarmsConfig,
  EnvironmentConfig,
  EnvironmentConfigInput,
  StateBackendConfig,
  StateTableConfig,
} from './config/environment-config.schema.js';
export { ENVIRONMENTS } from './config/environments/index.js';
export { parseEnvironmentConfig } from './config/parse-environment-config.js';
export { stackNameOf } from './config/stack-name.js';
export { clientConfigInputFromOutputs } from './client-config/stack-outputs.js';
export type { ClientSettings } from './client-config/stack-outputs.js';
export { AlarmTopic } from './constructs/alarm-topic.js';
export { EmailIdentity } from './constructs/email-identity.js';
export { IdentityPool } from './constructs/identity-pool.js';
export { MailFromDomain, mailFromRecords } from './constructs/mail-from-domain.js';
export type { DnsRecord } from './constructs/mail-from-domain.js';
export { SES_EVENT_TYPES, SesEventPublishing } from './constructs/ses-event-publishing.js';
export { SignInAlarms } from './constructs/sign-in-alarms.js';
export { SignInDashboard } from './constructs/sign-in-dashboard.js';
export { SignInMetricFilters } from './constructs/sign-in-metric-filters.js';
export {
  SignInStateTable,
  STATE_TABLE_LOGICAL_ID,
  STATE_TABLE_OPERATIONS,
  STATE_TABLE_PARTITION_KEY,
  STATE_TABLE_TTL_ATTRIBUTE,
} from './constructs/sign-in-state-table.js';
export type { SignInStateTableProps, StateTableOperation } from './constructs/sign-in-state-table.js';
export { configureStateBackend } from './constructs/state-backend.js';
export { StateBucket } from './constructs/state-bucket.js';
export { TriggerFunction } from './constructs/trigger-function.js';
export { UserPool } from './constructs/user-pool.js';
export {
  EmailTemplateFileError,
  InfraConfigError,
  InfraError,
  LambdaBundleNotFoundError,
  StackOutputsError,
  UnwiredTriggerVariableError,
  UsageError,
} from './errors.js';
export { deploy } from './deploy/deploy.js';
export type { DeployOptions, DeployOutcome, Terraform } from './deploy/deploy.js';
export { identityTargets, nextDeployStep, verificationInstructions } from './deploy/deploy-steps.js';
export type { DeployStep, IdentityState } from './deploy/deploy-steps.js';
export { triggerEnvironment, UNSET_SIGN_IN_VARIABLES } from './lambda/trigger-environment.js';
export type { TriggerResources } from './lambda/trigger-environment.js';
export { dashboardBody } from './monitoring/dashboard-body.js';
export { metricNamespaceOf, SIGN_IN_METRICS } from './monitoring/sign-in-metrics.js';
export type { SignInMetric, SignInMetricName } from './monitoring/sign-in-metrics.js';
export { OUTPUT_NAMES } from './stacks/output-names.js';
export { AWS_PROVIDER_VERSION, SignInStack } from './stacks/sign-in-stack.js';
export type { SignInStackOptions } from './stacks/sign-in-stack.js';
export { StateBucketStack, stateStackNameOf } from './stacks/state-bucket-stack.js';
