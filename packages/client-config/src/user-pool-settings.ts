/**
 * Sign-up and sign-in settings of the user pool that the infra stack creates.
 * The client files describe them so that UI libraries (Authenticator, Flutter
 * sign-up forms) ask for the right attributes; infra imports them so that the
 * pool and the files cannot drift apart.
 */

/** Cognito's default password policy. A passwordless client still sends a (random) password at sign-up. */
export const USER_POOL_PASSWORD_POLICY = Object.freeze({
  minimumLength: 8,
  requireLowercase: true,
  requireUppercase: true,
  requireNumbers: true,
  requireSymbols: true,
  temporaryPasswordValidityDays: 7,
});

/** Users sign in with their username; email is required at sign-up and verified by code. */
export const USER_POOL_REQUIRED_ATTRIBUTES = Object.freeze(['email'] as const);

export const AUTHENTICATION_FLOW_TYPE = 'CUSTOM_AUTH';
