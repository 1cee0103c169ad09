import * as v from 'valibot';

/**
 * Request shapes of the operations, with the member constraints of the
 * Cognito API reference. Unknown members are ignored, as AWS services do.
 * Messages are Cognito's constraint texts; protocol/validation-error.ts adds the member and value.
 */
const text = (min: number, max: number, pattern?: { regex: RegExp; source: string }) =>
  v.pipe(
    v.string('Member must be a string'),
    v.minLength(min, `Member must have length greater than or equal to ${min}`),
    v.maxLength(max, `Member must have length less than or equal to ${max}`),
    v.regex(pattern?.regex ?? /^/, `Member must satisfy regular expression pattern: ${pattern?.source ?? ''}`),
  );

const ClientId = text(1, 128, { regex: /^[\w+]+$/, source: '[\\w+]+' });
const UserPoolId = text(1, 55, { regex: /^[\w-]+_[0-9a-zA-Z]+$/, source: '[\\w-]+_[0-9a-zA-Z]+' });
const Username = text(1, 128, { regex: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u, source: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+' });
const Password = text(1, 256, { regex: /^\S(.*\S)?$/su, source: '[\\S]+(.*[\\S]+)?' });
const Code = text(1, 2048, { regex: /^\S+$/, source: '[\\S]+' });
const Token = text(1, 4096, { regex: /^[A-Za-z0-9\-_=.]+$/, source: '[A-Za-z0-9-_=.]+' });
const ClientSecret = text(1, 64, { regex: /^[\w+]+$/, source: '[\\w+]+' });
const DeviceKey = text(1, 55, { regex: /^[\w-]+_[0-9a-f-]+$/, source: '[\\w-]+_[0-9a-f-]+' });
const StringMap = v.record(v.string('Member must be a string'), v.string('Member must be a string'), 'Member must be a map of strings');
const Attributes = v.array(
  v.object({ Name: text(1, 32, { regex: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u, source: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+' }), Value: v.optional(text(0, 2048)) }),
  'Member must be a list',
);
const AuthFlow = v.picklist(
  ['USER_SRP_AUTH', 'REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN', 'CUSTOM_AUTH', 'ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH', 'ADMIN_USER_PASSWORD_AUTH', 'USER_AUTH'],
  'Member must satisfy enum value set: [USER_SRP_AUTH, REFRESH_TOKEN_AUTH, REFRESH_TOKEN, CUSTOM_AUTH, ADMIN_NO_SRP_AUTH, USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH, USER_AUTH]',
);
const ChallengeName = v.picklist(
  ['SMS_MFA', 'EMAIL_OTP', 'SOFTWARE_TOKEN_MFA', 'SELECT_MFA_TYPE', 'MFA_SETUP', 'PASSWORD_VERIFIER', 'CUSTOM_CHALLENGE', 'SELECT_CHALLENGE',
    'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER', 'ADMIN_NO_SRP_AUTH', 'NEW_PASSWORD_REQUIRED', 'SMS_OTP', 'PASSWORD', 'WEB_AUTHN', 'PASSWORD_SRP'],
  'Member must satisfy enum value set: [SMS_MFA, EMAIL_OTP, SOFTWARE_TOKEN_MFA, SELECT_MFA_TYPE, MFA_SETUP, PASSWORD_VERIFIER, CUSTOM_CHALLENGE, SELECT_CHALLENGE, DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER, ADMIN_NO_SRP_AUTH, NEW_PASSWORD_REQUIRED, SMS_OTP, PASSWORD, WEB_AUTHN, PASSWORD_SRP]',
);

export const SignUpRequest = v.object({
  ClientId,
  Username,
  Password,
  UserAttributes: v.optional(Attributes),
  ValidationData: v.optional(Attributes),
  ClientMetadata: v.optional(StringMap),
});

export const ConfirmSignUpRequest = v.object({ ClientId, Username, ConfirmationCode: Code, ClientMetadata: v.optional(StringMap) });
export const ClientUserRequest = v.object({ ClientId, Username, ClientMetadata: v.optional(StringMap) });
export const ConfirmForgotPasswordRequest = v.object({ ClientId, Username, ConfirmationCode: Code, Password, ClientMetadata: v.optional(StringMap) });
export const AccessTokenRequest = v.object({ AccessToken: Token });
export const RevokeTokenRequest = v.object({ Token, ClientId });
export const GetTokensFromRefreshTokenRequest = v.object({
  RefreshToken: Token,
  ClientId,
  ClientSecret: v.optional(ClientSecret),
  DeviceKey: v.optional(DeviceKey),
  ClientMetadata: v.optional(StringMap),
});

export const InitiateAuthRequest = v.object({
  AuthFlow,
  ClientId,
  AuthParameters: v.optional(StringMap),
  ClientMetadata: v.optional(StringMap),
});

export const RespondToAuthChallengeRequest = v.object({
  ClientId,
  ChallengeName,
  Session: v.optional(text(20, 2048)),
  ChallengeResponses: v.optional(StringMap),
  ClientMetadata: v.optional(StringMap),
});

export const AdminUserRequest = v.object({ UserPoolId, Username });
export const AdminCreateUserRequest = v.object({
  UserPoolId,
  Username,
  UserAttributes: v.optional(Attributes),
  TemporaryPassword: v.optional(Password),
  MessageAction: v.optional(v.picklist(['RESEND', 'SUPPRESS'], 'Member must satisfy enum value set: [RESEND, SUPPRESS]')),
});
export const AdminSetUserPasswordRequest = v.object({ UserPoolId, Username, Password, Permanent: v.optional(v.boolean('Member must be a boolean')) });
