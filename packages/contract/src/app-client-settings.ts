/**
 * The app client's settings, shared by the infra stack (the real client) and
 * the local stack (which enforces the same ones): one definition, so that the
 * emulator cannot allow what the pool refuses.
 */

/**
 * The only sign-in flows the client allows. Any flow that checks the password
 * alone (USER_SRP_AUTH, USER_PASSWORD_AUTH) runs none of the auth challenge
 * triggers, so it would issue tokens without the emailed code. The SRP step
 * of password-then-code runs inside CUSTOM_AUTH and needs no other flow.
 */
export const APP_CLIENT_EXPLICIT_AUTH_FLOWS = /* @__PURE__ */ Object.freeze(['ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] as const);
export type AppClientExplicitAuthFlow = (typeof APP_CLIENT_EXPLICIT_AUTH_FLOWS)[number];

/** Attributes a signed-in user may change with their own access token. */
export const APP_CLIENT_WRITE_ATTRIBUTES = /* @__PURE__ */ Object.freeze([
  'address',
  'birthdate',
  'family_name',
  'gender',
  'given_name',
  'locale',
  'middle_name',
  'name',
  'nickname',
  'picture',
  'preferred_username',
  'profile',
  'updated_at',
  'website',
  'zoneinfo',
] as const);

/**
 * Attributes that hold where codes go: whoever could write them with one
 * stolen access token would receive every later code. They change only
 * through an administrator call (see the README), never through the client.
 */
export const APP_CLIENT_PROTECTED_ATTRIBUTES = /* @__PURE__ */ Object.freeze(['email', 'email_verified', 'phone_number', 'phone_number_verified'] as const);

/** Attributes the client may read (GetUser, id token claims): the writable ones plus the protected ones. */
export const APP_CLIENT_READ_ATTRIBUTES = /* @__PURE__ */ Object.freeze([...APP_CLIENT_WRITE_ATTRIBUTES, ...APP_CLIENT_PROTECTED_ATTRIBUTES].sort());

/** An email change takes effect only once the new address is verified; until then the old one stays in use. */
export const ATTRIBUTES_REQUIRING_VERIFICATION_BEFORE_UPDATE = /* @__PURE__ */ Object.freeze(['email'] as const);

export const APP_CLIENT_TOKEN_VALIDITY = /* @__PURE__ */ Object.freeze({
  accessTokenMinutes: 60,
  idTokenMinutes: 60,
  refreshTokenDays: 30,
});
