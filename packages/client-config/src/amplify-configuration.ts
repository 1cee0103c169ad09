import { USER_POOL_PASSWORD_POLICY, USER_POOL_REQUIRED_ATTRIBUTES } from '@cognito-passwordless/contract';
import { type ClientConfigInput, parseClientConfigInput } from './client-config-input.js';
import { GEN1_AUTHENTICATION_FLOW_TYPES, type Gen1AuthenticationFlowType } from './user-pool-settings.js';

interface PasswordProtectionSettings {
  readonly passwordPolicyMinLength: number;
  readonly passwordPolicyCharacters: readonly string[];
}

/**
 * The Gen 1 `amplifyconfiguration.json`. It carries two shapes side by side:
 * the nested `auth.plugins.awsCognitoAuthPlugin` document read by Amplify
 * Flutter v1, Android and Swift, and the flat `aws_*` keys read by Amplify JS
 * (`aws-exports` format). Each reader ignores the other's keys.
 */
export interface AmplifyConfiguration {
  readonly aws_project_region: string;
  readonly aws_cognito_region: string;
  readonly aws_user_pools_id: string;
  readonly aws_user_pools_web_client_id: string;
  readonly aws_cognito_identity_pool_id?: string;
  /** "enable": no guest (unauthenticated) identities. */
  readonly aws_mandatory_sign_in: 'enable';
  readonly aws_cognito_username_attributes: readonly string[];
  readonly aws_cognito_social_providers: readonly string[];
  readonly aws_cognito_signup_attributes: readonly string[];
  readonly aws_cognito_mfa_configuration: 'OFF';
  readonly aws_cognito_mfa_types: readonly string[];
  readonly aws_cognito_password_protection_settings: PasswordProtectionSettings;
  readonly aws_cognito_verification_mechanisms: readonly string[];
  readonly UserAgent: string;
  readonly Version: string;
  readonly auth: {
    readonly plugins: {
      readonly awsCognitoAuthPlugin: {
        readonly UserAgent: string;
        readonly Version: string;
        readonly IdentityManager: { readonly Default: Record<string, never> };
        readonly CredentialsProvider?: {
          readonly CognitoIdentity: { readonly Default: { readonly PoolId: string; readonly Region: string } };
        };
        readonly CognitoUserPool: {
          readonly Default: {
            readonly PoolId: string;
            readonly AppClientId: string;
            readonly Region: string;
            readonly Endpoint?: string;
          };
        };
        readonly Auth: {
          readonly Default: {
            readonly authenticationFlowType: Gen1AuthenticationFlowType;
            readonly socialProviders: readonly string[];
            readonly usernameAttributes: readonly string[];
            readonly signupAttributes: readonly string[];
            readonly passwordProtectionSettings: PasswordProtectionSettings;
            readonly mfaConfiguration: 'OFF';
            readonly mfaTypes: readonly string[];
            readonly verificationMechanisms: readonly string[];
          };
        };
      };
    };
  };
}

/**
 * Builds `amplifyconfiguration.json` for Amplify Gen 1 clients (Flutter v1,
 * Android, Swift, JS v6 with a Gen 1 file). The authentication flow type is
 * the custom-auth value of the pool's sign-in flow
 * (`CUSTOM_AUTH_WITHOUT_SRP` or `CUSTOM_AUTH_WITH_SRP`). An endpoint override
 * becomes `CognitoUserPool.Default.Endpoint` (Amplify Flutter reads it in v1,
 * and in v2 from 2.9).
 */
export function buildAmplifyConfiguration(input: ClientConfigInput): AmplifyConfiguration {
  const config = parseClientConfigInput(input);
  const signupAttributes = USER_POOL_REQUIRED_ATTRIBUTES.map((name) => name.toUpperCase());
  const passwordProtection = passwordProtectionSettings();
  return {
    aws_project_region: config.region,
    aws_cognito_region: config.region,
    aws_user_pools_id: config.userPoolId,
    aws_user_pools_web_client_id: config.userPoolClientId,
    ...(config.identityPoolId === undefined ? {} : { aws_cognito_identity_pool_id: config.identityPoolId }),
    aws_mandatory_sign_in: 'enable',
    aws_cognito_username_attributes: [],
    aws_cognito_social_providers: [],
    aws_cognito_signup_attributes: signupAttributes,
    aws_cognito_mfa_configuration: 'OFF',
    aws_cognito_mfa_types: [],
    aws_cognito_password_protection_settings: passwordProtection,
    aws_cognito_verification_mechanisms: ['EMAIL'],
    UserAgent: 'aws-amplify-cli/2.0',
    Version: '1.0',
    auth: {
      plugins: {
        awsCognitoAuthPlugin: {
          UserAgent: 'aws-amplify-cli/0.1.0',
          Version: '0.1.0',
          IdentityManager: { Default: {} },
          ...(config.identityPoolId === undefined
            ? {}
            : { CredentialsProvider: { CognitoIdentity: { Default: { PoolId: config.identityPoolId, Region: config.region } } } }),
          CognitoUserPool: {
            Default: {
              PoolId: config.userPoolId,
              AppClientId: config.userPoolClientId,
              Region: config.region,
              ...(config.userPoolEndpoint === undefined ? {} : { Endpoint: config.userPoolEndpoint }),
            },
          },
          Auth: {
            Default: {
              authenticationFlowType: GEN1_AUTHENTICATION_FLOW_TYPES[config.signInFlow],
              socialProviders: [],
              usernameAttributes: [],
              signupAttributes,
              passwordProtectionSettings: passwordProtection,
              mfaConfiguration: 'OFF',
              mfaTypes: [],
              verificationMechanisms: ['EMAIL'],
            },
          },
        },
      },
    },
  };
}

function passwordProtectionSettings(): PasswordProtectionSettings {
  const policy = USER_POOL_PASSWORD_POLICY;
  const characters = [
    policy.requireLowercase && 'REQUIRES_LOWERCASE',
    policy.requireUppercase && 'REQUIRES_UPPERCASE',
    policy.requireNumbers && 'REQUIRES_NUMBERS',
    policy.requireSymbols && 'REQUIRES_SYMBOLS',
  ].filter((value): value is string => typeof value === 'string');
  return { passwordPolicyMinLength: policy.minimumLength, passwordPolicyCharacters: characters };
}
