import { USER_POOL_PASSWORD_POLICY, USER_POOL_REQUIRED_ATTRIBUTES } from '@cognito-passwordless/contract';
import { type ClientConfigInput, parseClientConfigInput } from './client-config-input.js';
import { AUTHENTICATION_FLOW_TYPE } from './user-pool-settings.js';

/** The `amplify_outputs.json` (Amplify Gen 2 client configuration) for the user pool. */
export interface AmplifyOutputs {
  readonly version: string;
  readonly auth: {
    readonly aws_region: string;
    readonly authentication_flow_type: typeof AUTHENTICATION_FLOW_TYPE;
    readonly user_pool_id: string;
    readonly user_pool_client_id: string;
    /** An endpoint override: Amplify Flutter (2.9 and later) sends its user pool requests there. */
    readonly user_pool_endpoint?: string;
    readonly identity_pool_id?: string;
    readonly password_policy: {
      readonly min_length: number;
      readonly require_lowercase: boolean;
      readonly require_uppercase: boolean;
      readonly require_numbers: boolean;
      readonly require_symbols: boolean;
    };
    readonly standard_required_attributes: readonly string[];
    readonly user_verification_types: readonly string[];
    readonly unauthenticated_identities_enabled: boolean;
    readonly mfa_configuration: 'NONE';
    readonly mfa_methods: readonly string[];
    readonly groups: readonly never[];
  };
  /**
   * Present only with an endpoint override, the same URL again: Amplify JS v6
   * reads neither key, so a JS app (the sign-in page) takes it from here and
   * passes it as `Auth.Cognito.userPoolEndpoint`.
   */
  readonly custom?: { readonly user_pool_endpoint: string };
}

export const AMPLIFY_OUTPUTS_VERSION = '1.4';

/**
 * Builds `amplify_outputs.json` for Amplify Gen 2 clients (JS v6, Flutter v2,
 * Swift, Android). An endpoint override goes to `auth.user_pool_endpoint`,
 * which Amplify Flutter 2.9 and later honour, and to
 * `custom.user_pool_endpoint` for Amplify JS callers, who pass it as
 * `Auth.Cognito.userPoolEndpoint` themselves.
 */
export function buildAmplifyOutputs(input: ClientConfigInput): AmplifyOutputs {
  const config = parseClientConfigInput(input);
  const policy = USER_POOL_PASSWORD_POLICY;
  return {
    version: AMPLIFY_OUTPUTS_VERSION,
    auth: {
      aws_region: config.region,
      authentication_flow_type: AUTHENTICATION_FLOW_TYPE,
      user_pool_id: config.userPoolId,
      user_pool_client_id: config.userPoolClientId,
      ...(config.userPoolEndpoint === undefined ? {} : { user_pool_endpoint: config.userPoolEndpoint }),
      ...(config.identityPoolId === undefined ? {} : { identity_pool_id: config.identityPoolId }),
      password_policy: {
        min_length: policy.minimumLength,
        require_lowercase: policy.requireLowercase,
        require_uppercase: policy.requireUppercase,
        require_numbers: policy.requireNumbers,
        require_symbols: policy.requireSymbols,
      },
      standard_required_attributes: [...USER_POOL_REQUIRED_ATTRIBUTES],
      user_verification_types: ['email'],
      unauthenticated_identities_enabled: false,
      mfa_configuration: 'NONE',
      mfa_methods: [],
      groups: [],
    },
    ...(config.userPoolEndpoint === undefined ? {} : { custom: { user_pool_endpoint: config.userPoolEndpoint } }),
  };
}
