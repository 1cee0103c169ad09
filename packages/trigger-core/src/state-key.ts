import { createHmac } from 'node:crypto';
import { ownField } from './event-fields';

const USER_POOL_ID = /^[a-z]{2}(?:-[a-z]+)+-[0-9]+_[0-9A-Za-z]{1,64}$/;
/** Cognito usernames are at most 128 characters. */
const MAX_USERNAME_LENGTH = 128;

/** A username as the limits count it: one key for every case and Unicode form of it. */
export const normalizeUserName = (userName: string): string => userName.toLowerCase().normalize('NFC');

/**
 * The state table's partition key for the event's username:
 * `u1.` + base64url(HMAC-SHA256(pool key, normalized username)), where the
 * pool key is derived from the user pool id. The table never holds a
 * username or an address in clear, and keys of one pool say nothing about
 * another's. It is not a secret against someone who holds the table and knows
 * the pool id (which clients see): they can test guessed usernames one by one.
 * Undefined when the event has no usable pool id or username (not Cognito's).
 */
export function signInStateKey(event: unknown): string | undefined {
  const userPoolId = ownField(event, 'userPoolId');
  const userName = ownField(event, 'userName');
  if (typeof userPoolId !== 'string' || !USER_POOL_ID.test(userPoolId)) return undefined;
  if (typeof userName !== 'string' || userName.length === 0 || userName.length > MAX_USERNAME_LENGTH) return undefined;
  const poolKey = createHmac('sha256', 'cognito-passwordless/sign-in-state/v1').update(userPoolId, 'utf8').digest();
  return `u1.${createHmac('sha256', poolKey).update(normalizeUserName(userName), 'utf8').digest('base64url')}`;
}
