import { CognitoUserPool, type CognitoUserPoolConfig } from '@cdktf/provider-aws/lib/cognito-user-pool';
import { CognitoUserPoolClient, type CognitoUserPoolClientConfig } from '@cdktf/provider-aws/lib/cognito-user-pool-client';
import {
  APP_CLIENT_EXPLICIT_AUTH_FLOWS,
  APP_CLIENT_READ_ATTRIBUTES,
  APP_CLIENT_TOKEN_VALIDITY,
  APP_CLIENT_WRITE_ATTRIBUTES,
  ATTRIBUTES_REQUIRING_VERIFICATION_BEFORE_UPDATE,
  USER_POOL_PASSWORD_POLICY,
  USER_POOL_REQUIRED_ATTRIBUTES,
  VERIFICATION_EMAIL_MESSAGE,
  VERIFICATION_EMAIL_SUBJECT,
} from '@cognito-passwordless/contract';
import { Construct } from 'constructs';

export interface UserPoolProps {
  readonly name: string;
  readonly tier: string;
  /** Cognito threat protection, enforced for custom auth too (needs the PLUS tier). */
  readonly threatProtection: boolean;
  readonly deletionProtection: boolean;
  readonly authSessionValidityMinutes: number;
  readonly triggerArns: {
    readonly defineAuthChallenge: string;
    readonly createAuthChallenge: string;
    readonly verifyAuthChallengeResponse: string;
  };
  readonly email: {
    readonly sourceArn: string;
    /** As configured, display name included: Cognito accepts `Name <address>`. */
    readonly from: string;
    readonly configurationSetName: string | undefined;
  };
}

/**
 * The user pool and its one app client, following the Amplify CLI's choices:
 * sign-in by username, email required and verified by code, MFA off, the
 * default password policy, recovery by verified email, and email sent through
 * the project's own SES identity.
 */
export class UserPool extends Construct {
  readonly pool: CognitoUserPool;
  readonly client: CognitoUserPoolClient;

  constructor(scope: Construct, id: string, props: UserPoolProps) {
    super(scope, id);
    this.pool = new CognitoUserPool(this, 'pool', poolConfig(props));
    this.client = new CognitoUserPoolClient(this, 'client', clientConfig(props, this.pool.id));
  }
}

/** The required standard attributes (email), as Terraform must write them to plan without a diff. */
function requiredAttributeSchema(): CognitoUserPoolConfig['schema'] {
  return USER_POOL_REQUIRED_ATTRIBUTES.map((name) => ({
    name,
    attributeDataType: 'String',
    required: true,
    mutable: true,
    // Cognito's own bounds for a standard attribute; leaving them out makes every plan show a diff.
    stringAttributeConstraints: { minLength: '0', maxLength: '2048' },
  }));
}

function passwordPolicy(): CognitoUserPoolConfig['passwordPolicy'] {
  const policy = USER_POOL_PASSWORD_POLICY;
  return {
    minimumLength: policy.minimumLength,
    requireLowercase: policy.requireLowercase,
    requireUppercase: policy.requireUppercase,
    requireNumbers: policy.requireNumbers,
    requireSymbols: policy.requireSymbols,
    temporaryPasswordValidityDays: policy.temporaryPasswordValidityDays,
  };
}

function poolConfig(props: UserPoolProps): CognitoUserPoolConfig {
  return {
    name: props.name,
    userPoolTier: props.tier,
    deletionProtection: props.deletionProtection ? 'ACTIVE' : 'INACTIVE',
    usernameConfiguration: { caseSensitive: false },
    autoVerifiedAttributes: ['email'],
    schema: requiredAttributeSchema(),
    verificationMessageTemplate: {
      defaultEmailOption: 'CONFIRM_WITH_CODE',
      emailSubject: VERIFICATION_EMAIL_SUBJECT,
      emailMessage: VERIFICATION_EMAIL_MESSAGE,
    },
    mfaConfiguration: 'OFF',
    passwordPolicy: passwordPolicy(),
    // A new address is used only once its code is entered; until then the old one keeps receiving codes.
    userAttributeUpdateSettings: { attributesRequireVerificationBeforeUpdate: [...ATTRIBUTES_REQUIRING_VERIFICATION_BEFORE_UPDATE] },
    userPoolAddOns: props.threatProtection
      ? { advancedSecurityMode: 'ENFORCED', advancedSecurityAdditionalFlows: { customAuthMode: 'ENFORCED' } }
      : undefined,
    accountRecoverySetting: { recoveryMechanism: [{ name: 'verified_email', priority: 1 }] },
    emailConfiguration: {
      emailSendingAccount: 'DEVELOPER',
      sourceArn: props.email.sourceArn,
      fromEmailAddress: props.email.from,
      configurationSet: props.email.configurationSetName,
    },
    lambdaConfig: {
      defineAuthChallenge: props.triggerArns.defineAuthChallenge,
      createAuthChallenge: props.triggerArns.createAuthChallenge,
      verifyAuthChallengeResponse: props.triggerArns.verifyAuthChallengeResponse,
    },
  };
}

function clientConfig(props: UserPoolProps, poolId: string): CognitoUserPoolClientConfig {
  return {
    name: `${props.name}-client`,
    userPoolId: poolId,
    // Never a password-only flow (infra/README.md, "App client flows").
    explicitAuthFlows: [...APP_CLIENT_EXPLICIT_AUTH_FLOWS],
    readAttributes: [...APP_CLIENT_READ_ATTRIBUTES],
    writeAttributes: [...APP_CLIENT_WRITE_ATTRIBUTES],
    // Amplify clients cannot compute SECRET_HASH.
    generateSecret: false,
    // Unknown users go through the same challenge as known ones (the triggers see userNotFound).
    preventUserExistenceErrors: 'ENABLED',
    enableTokenRevocation: true,
    supportedIdentityProviders: ['COGNITO'],
    authSessionValidity: props.authSessionValidityMinutes,
    accessTokenValidity: APP_CLIENT_TOKEN_VALIDITY.accessTokenMinutes,
    idTokenValidity: APP_CLIENT_TOKEN_VALIDITY.idTokenMinutes,
    refreshTokenValidity: APP_CLIENT_TOKEN_VALIDITY.refreshTokenDays,
    tokenValidityUnits: [{ accessToken: 'minutes', idToken: 'minutes', refreshToken: 'days' }],
  };
}
