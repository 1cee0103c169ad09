import { CognitoUserPool } from '@cdktf/provider-aws/lib/cognito-user-pool';
import { CognitoUserPoolClient } from '@cdktf/provider-aws/lib/cognito-user-pool-client';
import { Testing } from 'cdktf';
import { UserPool, type UserPoolProps } from '../../src/constructs/user-pool.js';

describe('UserPool', () => {
  const props: UserPoolProps = {
    name: 'app-dev',
    tier: 'ESSENTIALS',
    deletionProtection: true,
    authSessionValidityMinutes: 5,
    triggerArns: { defineAuthChallenge: 'DEFINE_ARN', createAuthChallenge: 'CREATE_ARN', verifyAuthChallengeResponse: 'VERIFY_ARN' },
    email: { sourceArn: 'IDENTITY_ARN', from: 'App <no-reply@example.com>', configurationSetName: 'app-events' },
  };
  const synth = (overrides: Partial<UserPoolProps> = {}) =>
    Testing.synthScope((scope) => {
      new UserPool(scope, 'user_pool', { ...props, ...overrides });
    });

  describe('the pool', () => {
    it('signs users in by username, case-insensitively', () => {
      const json = synth();
      const [pool] = Object.values(JSON.parse(json).resource.aws_cognito_user_pool);

      expect(json).toHaveResourceWithProperties(CognitoUserPool, { username_configuration: { case_sensitive: false } });
      expect(pool).not.toHaveProperty('username_attributes');
      expect(pool).not.toHaveProperty('alias_attributes');
    });

    it('requires an email at sign-up and verifies it automatically', () => {
      expect(synth()).toHaveResourceWithProperties(CognitoUserPool, {
        auto_verified_attributes: ['email'],
        schema: [expect.objectContaining({ name: 'email', attribute_data_type: 'String', required: true, mutable: true })],
      });
    });

    it('sends the verification code with the Amplify wording', () => {
      expect(synth()).toHaveResourceWithProperties(CognitoUserPool, {
        verification_message_template: {
          default_email_option: 'CONFIRM_WITH_CODE',
          email_subject: 'Your verification code',
          email_message: 'Your verification code is {####}',
        },
      });
    });

    it('has MFA off and the default password policy', () => {
      expect(synth()).toHaveResourceWithProperties(CognitoUserPool, {
        mfa_configuration: 'OFF',
        password_policy: {
          minimum_length: 8,
          require_lowercase: true,
          require_uppercase: true,
          require_numbers: true,
          require_symbols: true,
          temporary_password_validity_days: 7,
        },
      });
    });

    it('recovers accounts by verified email only', () => {
      expect(synth()).toHaveResourceWithProperties(CognitoUserPool, {
        account_recovery_setting: { recovery_mechanism: [{ name: 'verified_email', priority: 1 }] },
      });
    });

    it('sends email through the SES identity in DEVELOPER mode', () => {
      expect(synth()).toHaveResourceWithProperties(CognitoUserPool, {
        email_configuration: {
          email_sending_account: 'DEVELOPER',
          source_arn: 'IDENTITY_ARN',
          from_email_address: 'App <no-reply@example.com>',
          configuration_set: 'app-events',
        },
      });
    });

    it('calls the three custom auth triggers', () => {
      expect(synth()).toHaveResourceWithProperties(CognitoUserPool, {
        lambda_config: {
          define_auth_challenge: 'DEFINE_ARN',
          create_auth_challenge: 'CREATE_ARN',
          verify_auth_challenge_response: 'VERIFY_ARN',
        },
      });
    });

    it.each([
      [true, 'ACTIVE'],
      [false, 'INACTIVE'],
    ])('maps deletion protection %s to %s', (deletionProtection, expected) => {
      expect(synth({ deletionProtection })).toHaveResourceWithProperties(CognitoUserPool, { deletion_protection: expected });
    });

    it('uses the configured tier', () => {
      expect(synth({ tier: 'LITE' })).toHaveResourceWithProperties(CognitoUserPool, { name: 'app-dev', user_pool_tier: 'LITE' });
    });
  });

  describe('the app client', () => {
    it('allows custom auth, SRP and refresh only', () => {
      expect(synth()).toHaveResourceWithProperties(CognitoUserPoolClient, {
        explicit_auth_flows: ['ALLOW_CUSTOM_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      });
    });

    it('has no secret and hides whether a user exists', () => {
      expect(synth()).toHaveResourceWithProperties(CognitoUserPoolClient, {
        generate_secret: false,
        prevent_user_existence_errors: 'ENABLED',
        enable_token_revocation: true,
      });
    });

    it('issues 60-minute access and id tokens and 30-day refresh tokens', () => {
      expect(synth()).toHaveResourceWithProperties(CognitoUserPoolClient, {
        access_token_validity: 60,
        id_token_validity: 60,
        refresh_token_validity: 30,
        token_validity_units: [{ access_token: 'minutes', id_token: 'minutes', refresh_token: 'days' }],
      });
    });

    it('keeps sessions alive for the given number of minutes', () => {
      expect(synth({ authSessionValidityMinutes: 11 })).toHaveResourceWithProperties(CognitoUserPoolClient, {
        auth_session_validity: 11,
      });
    });
  });
});
