/**
 * Sign-up settings of the user pool: infra builds the pool from them, the
 * local stack enforces them, and the client files describe them so that UI
 * libraries (Authenticator, Flutter sign-up forms) ask for the right
 * attributes. One definition, so the three cannot drift apart.
 */

/** Cognito's default password policy. A passwordless client still sends a (random) password at sign-up. */
export const USER_POOL_PASSWORD_POLICY = /* @__PURE__ */ Object.freeze({
  minimumLength: 8,
  requireLowercase: true,
  requireUppercase: true,
  requireNumbers: true,
  requireSymbols: true,
  temporaryPasswordValidityDays: 7,
});

/** Users sign in with their username; email is required at sign-up and verified by code. */
export const USER_POOL_REQUIRED_ATTRIBUTES = /* @__PURE__ */ Object.freeze(['email'] as const);

/** The email that verifies an address (sign-up, email change): subject, and message with Cognito's `{####}` for the code. */
export const VERIFICATION_EMAIL_SUBJECT = 'Your verification code';
export const VERIFICATION_EMAIL_MESSAGE = 'Your verification code is {####}';
/** Where Cognito puts the code in VERIFICATION_EMAIL_MESSAGE. */
export const VERIFICATION_CODE_PLACEHOLDER = '{####}';
