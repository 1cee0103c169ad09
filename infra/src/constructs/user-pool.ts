import { CognitoUserPool } from '@cdktf/provider-aws/lib/cognito-user-pool';
import { CognitoUserPoolClient } from '@cdktf/provider-aws/lib/cognito-user-pool-client';
import { USER_POOL_PASSWORD_POLICY, USER_POOL_REQUIRED_ATTRIBUTES } from '@cognito-passwordless/client-config';
import { Construct } from 'constructs';

export const VERIFICATION_EMAIL_SUBJECT = 'Your verification code';
export const VERIFICATION_EMAIL_MESSAGE = 'Your verification code is {####}';

/** Custom auth is the sign-in; SRP only for the password step of password-then-code; refresh to stay signed in. */
export const EXPLICIT_AUTH_FLOWS = ['ALLOW_CUSTOM_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] as const;

export const ACCESS_TOKEN_VALIDITY_MINUTES = 60;
export const ID_TOKEN_VALIDITY_MINUTES = 60;
export const REFRESH_TOKEN_VALIDITY_DAYS = 30;

export interface UserPoolProps {
  readonly name: string;
  readonly tier: string;
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
    const policy = USER_POOL_PASSWORD_POLICY;

    this.pool = new CognitoUserPool(this, 'pool', {
      name: props.name,
      userPoolTier: props.tier,
      deletionProtection: props.deletionProtection ? 'ACTIVE' : 'INACTIVE',
      usernameConfiguration: { caseSensitive: false },
      autoVerifiedAttributes: ['email'],
      schema: USER_POOL_REQUIRED_ATTRIBUTES.map((name) => ({
        name,
        attributeDataType: 'String',
        required: true,
        mutable: true,
        // Cognito's own bounds for a standard attribute; leaving them out makes every plan show a diff.
        stringAttributeConstraints: { minLength: '0', maxLength: '2048' },
      })),
      verificationMessageTemplate: {
        defaultEmailOption: 'CONFIRM_WITH_CODE',
        emailSubject: VERIFICATION_EMAIL_SUBJECT,
        emailMessage: VERIFICATION_EMAIL_MESSAGE,
      },
      mfaConfiguration: 'OFF',
      passwordPolicy: {
        minimumLength: policy.minimumLength,
        requireLowercase: policy.requireLowercase,
        requireUppercase: policy.requireUppercase,
        requireNumbers: policy.requireNumbers,
        requireSymbols: policy.requireSymbols,
        temporaryPasswordValidityDays: policy.temporaryPasswordValidityDays,
      },
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
    });

    this.client = new CognitoUserPoolClient(this, 'client', {
      name: `${props.name}-client`,
      userPoolId: this.pool.id,
      explicitAuthFlows: [...EXPLICIT_AUTH_FLOWS],
      // Amplify clients cannot compute SECRET_HASH.
      generateSecret: false,
      // Unknown users go through the same challenge as known ones (the triggers see userNotFound).
      preventUserExistenceErrors: 'ENABLED',
      enableTokenRevocation: true,
      supportedIdentityProviders: ['COGNITO'],
      authSessionValidity: props.authSessionValidityMinutes,
      accessTokenValidity: ACCESS_TOKEN_VALIDITY_MINUTES,
      idTokenValidity: ID_TOKEN_VALIDITY_MINUTES,
      refreshTokenValidity: REFRESH_TOKEN_VALIDITY_DAYS,
      tokenValidityUnits: [{ accessToken: 'minutes', idToken: 'minutes', refreshToken: 'days' }],
    });
  }
}
