/**
 * Names of the stack's Terraform outputs. The client-config command reads
 * them back, so they live in one place.
 */
export const OUTPUT_NAMES = {
  region: 'region',
  userPoolId: 'user_pool_id',
  userPoolArn: 'user_pool_arn',
  userPoolClientId: 'user_pool_client_id',
  identityPoolId: 'identity_pool_id',
  functionNames: 'function_names',
  sesIdentity: 'ses_identity',
  sesIdentityArn: 'ses_identity_arn',
  sesIdentityVerified: 'ses_identity_verified_for_sending',
  sesDkimRecords: 'ses_dkim_records',
  alarmTopicArn: 'alarm_topic_arn',
  dashboardName: 'dashboard_name',
  sesEventsTopicArn: 'ses_events_topic_arn',
  sesMailFromRecords: 'ses_mail_from_records',
  signInStateTable: 'sign_in_state_table',
} as const;
