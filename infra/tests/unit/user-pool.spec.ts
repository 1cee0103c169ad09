import { CognitoUserPool } from '@cdktf/provider-aws/lib/cognito-user-pool';
import { CognitoUserPoolClient } from '@cdktf/provider-aws/lib/cognito-user-pool-client';
import { Testing } from 'cdktf';
import { UserPool, type UserPoolProps } from '../../src/constructs/user-pool.js';

describe('UserPool', () => {
  const props: UserPoolProps = {
    name: 'app-dev',
    tier: 'LITE',
    threatProtection: false,
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
      expect(synth({ tier: 'ESSENTIALS' })).toHaveResourceWithProperties(CognitoUserPool, { name: 'app-dev', user_pool_tier: 'ESSENTIALS' });
    });

    it('uses a new email address only once its code is entered', () => {
      expect(synth()).toHaveResourceWithProperties(CognitoUserPool, {
        user_attribute_update_settings: { attributes_require_verification_before_update: ['email'] },
      });
    });

    it('has no threat protection unless asked, and then enforces it for custom auth too', () => {
      const [plain] = Object.values(JSON.parse(synth()).resource.aws_cognito_user_pool);

      expect(plain).not.toHaveProperty('user_pool_add_ons');
      expect(synth({ tier: 'PLUS', threatProtection: true })).toHaveResourceWithProperties(CognitoUserPool, {
        user_pool_add_ons: { advanced_security_mode: 'ENFORCED', advanced_security_additional_flows: { custom_auth_mode: 'ENFORCED' } },
      });
    });
  });

  describe('the app client', () => {
    it('allows custom auth and refresh only: no flow signs in with a password alone', () => {
      const [client] = Object.values(JSON.parse(synth()).resource.aws_cognito_user_pool_client) as { explicit_auth_flows: string[] }[];

      expect(client!.explicit_auth_flows).toEqual(['ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
      expect(client!.explicit_auth_flows).not.toContain('ALLOW_USER_SRP_AUTH');
      expect(client!.explicit_auth_flows).not.toContain('ALLOW_USER_PASSWORD_AUTH');
      expect(client!.explicit_auth_flows).not.toContain('ALLOW_ADMIN_USER_PASSWORD_AUTH');
    });

    it('lists the attributes it reads and writes, and cannot write the email', () => {
      const [client] = Object.values(JSON.parse(synth()).resource.aws_cognito_user_pool_client) as { read_attributes: string[]; write_attributes: string[] }[];

      expect(client!.read_attributes).toEqual(expect.arrayContaining(['email', 'email_verified', 'locale']));
      expect(client!.write_attributes).toEqual(expect.arrayContaining(['locale', 'name']));
      expect(client!.write_attributes).not.toContain('email');
      expect(client!.write_attributes).not.toContain('email_verified');
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
