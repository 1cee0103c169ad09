import { maskEmail } from '@cognito-passwordless/contract';
import { ownField, readUserAttribute } from './event-fields';

const SUB_PATTERN = /^[0-9A-Za-z-]{1,64}$/;

/**
 * Who a log line is about. `userName` is what the person typed, often an
 * email address, so the user's `sub` is preferred and the name is masked.
 */
export function logIdentity(event: unknown): string {
  const sub = readUserAttribute(ownField(event, 'request'), 'sub');
  if (sub !== undefined && SUB_PATTERN.test(sub)) return sub;
  const userName = ownField(event, 'userName');
  return typeof userName === 'string' ? maskEmail(userName.slice(0, 256)) : 'unknown';
}
