/** Cognito's bounds for an app client's AuthSessionValidity, in minutes. */
export const AUTH_SESSION_VALIDITY_MIN_MINUTES = 3;
export const AUTH_SESSION_VALIDITY_MAX_MINUTES = 15;

/**
 * Every Cognito `Session` dies after AuthSessionValidity; a session that dies
 * before the emailed code does gives the user "Invalid session for the user"
 * for a code that is still good. So the session lives at least as long as
 * the code, rounded up to whole minutes, within Cognito's 3–15 minutes.
 */
export function authSessionValidityMinutes(codeTtlSeconds: number): number {
  const minutes = Math.ceil(codeTtlSeconds / 60);
  return Math.min(AUTH_SESSION_VALIDITY_MAX_MINUTES, Math.max(AUTH_SESSION_VALIDITY_MIN_MINUTES, minutes));
}
