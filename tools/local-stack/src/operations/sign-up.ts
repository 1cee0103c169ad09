import { errors } from '../errors';
import { assertPasswordPolicy } from '../state/password-policy';
import { assertClient } from '../state/pool-settings';
import { parseUserAttributes, type AttributeInput } from '../state/user-attributes';
import { decoyDelivery, sendCode } from './code-delivery';
import { newUserRecord } from './new-user';
import { assertNotLocked, checkCodeWithinLimit, CONFIRMATION_CODE_TTL_MS, newCode, oneTimeCode, unknownUserCode } from './one-time-codes';
import type { UserPool } from './user-pool';

export interface ClientUserInput {
  readonly ClientId: string;
  readonly Username: string;
}

export interface SignUpInput extends ClientUserInput {
  readonly Password: string;
  readonly UserAttributes?: readonly AttributeInput[] | undefined;
}

export interface ConfirmSignUpInput extends ClientUserInput {
  readonly ConfirmationCode: string;
}

/** SignUp: an UNCONFIRMED user with the emailed verification code pending. */
export async function signUp(pool: UserPool, input: SignUpInput) {
  const { settings, users } = pool;
  assertClient(settings, input.ClientId);
  const attributes = parseUserAttributes(input.UserAttributes, 'client');
  assertPasswordPolicy(input.Password);
  if (users.find(input.Username) !== undefined) throw errors.usernameExists();
  const code = newCode();
  const user = newUserRecord(pool, {
    username: input.Username,
    status: 'UNCONFIRMED',
    attributes: { ...attributes, email_verified: 'false' },
    password: input.Password,
    confirmationCode: oneTimeCode(pool, input.Username, code, CONFIRMATION_CODE_TTL_MS),
  });
  await users.save(user);
  const delivery = await sendCode(pool, user, code);
  return { UserConfirmed: false, CodeDeliveryDetails: delivery, UserSub: user.sub };
}

export async function confirmSignUp(pool: UserPool, input: ConfirmSignUpInput) {
  const { settings, users } = pool;
  assertClient(settings, input.ClientId);
  const limitKey = `sign-up:${input.Username.toLowerCase()}`;
  assertNotLocked(pool, limitKey);
  const user = users.find(input.Username);
  if (user === undefined) throw unknownUserCode(pool, limitKey);
  if (user.status !== 'UNCONFIRMED') throw errors.notAuthorized(`User cannot be confirmed. Current status is ${user.status}`);
  checkCodeWithinLimit(pool, limitKey, user, user.confirmationCode, input.ConfirmationCode);
  const { confirmationCode: _spent, ...rest } = user;
  // Email is the pool's auto-verified attribute: confirming with the emailed code verifies it.
  await users.save({ ...rest, status: 'CONFIRMED', attributes: { ...user.attributes, email_verified: 'true' }, updatedAtMs: pool.clock.now() });
  return {};
}

export async function resendConfirmationCode(pool: UserPool, input: ClientUserInput) {
  const { settings, users } = pool;
  assertClient(settings, input.ClientId);
  const user = users.find(input.Username);
  if (user === undefined) return { CodeDeliveryDetails: decoyDelivery(pool, input.Username) };
  if (user.status !== 'UNCONFIRMED') throw errors.invalidParameter('User is already confirmed.');
  const code = newCode();
  const updated = { ...user, confirmationCode: oneTimeCode(pool, user.username, code, CONFIRMATION_CODE_TTL_MS), updatedAtMs: pool.clock.now() };
  await users.save(updated);
  return { CodeDeliveryDetails: await sendCode(pool, updated, code) };
}
