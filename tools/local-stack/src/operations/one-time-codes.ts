import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { errors, type CodeMismatchException } from '../errors';
import type { OneTimeCode, UserRecord } from '../state/user-store';
import type { UserPool } from './user-pool';

/** Cognito keeps a sign-up code 24 hours and a password reset code 1 hour. */
export const CONFIRMATION_CODE_TTL_MS = 24 * 3600 * 1000;
export const RESET_CODE_TTL_MS = 3600 * 1000;

/** Six digits from a CSPRNG, as Cognito's `{####}`. */
export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** What the user record keeps of a code: its keyed hash and when it expires. */
export function oneTimeCode(pool: UserPool, username: string, code: string, ttlMs: number): OneTimeCode {
  return { hash: codeHash(pool, username, code), expiresAtMs: pool.clock.now() + ttlMs };
}

function codeHash(pool: UserPool, username: string, code: string): string {
  return createHmac('sha256', pool.settings.secret).update(`code:${username.toLowerCase()}:${code}`).digest('hex');
}

/** Checks a code and counts a wrong one against the user's attempt limit; a right one clears the count. */
export function checkCodeWithinLimit(pool: UserPool, limitKey: string, user: UserRecord, expected: OneTimeCode | undefined, given: string): void {
  const hash = Buffer.from(codeHash(pool, user.username, given.trim()), 'hex');
  if (expected === undefined || !timingSafeEqual(hash, Buffer.from(expected.hash, 'hex'))) {
    pool.wrongCodes.recordFailure(limitKey);
    throw errors.codeMismatch();
  }
  // A right code that expired is not a guess: it neither counts nor clears the count.
  if (expected.expiresAtMs <= pool.clock.now()) throw errors.expiredCode();
  pool.wrongCodes.clear(limitKey);
}

/** Refuses every try while `limitKey` has used up its wrong codes. */
export function assertNotLocked(pool: UserPool, limitKey: string): void {
  if (pool.wrongCodes.isLocked(limitKey)) throw errors.attemptLimitExceeded();
}

/** An unknown user looks like a wrong code (PreventUserExistenceErrors), and counts like one: the error to throw. */
export function unknownUserCode(pool: UserPool, limitKey: string): CodeMismatchException {
  pool.wrongCodes.recordFailure(limitKey);
  return errors.codeMismatch();
}
