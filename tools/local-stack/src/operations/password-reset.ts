import { createPasswordVerifier } from '../crypto/srp';
import { errors } from '../errors';
import { assertPasswordPolicy } from '../state/password-policy';
import { assertClient } from '../state/pool-settings';
import { decoyDelivery, sendCode } from './code-delivery';
import { assertNotLocked, checkCodeWithinLimit, newCode, oneTimeCode, RESET_CODE_TTL_MS, unknownUserCode } from './one-time-codes';
import type { ClientUserInput, ConfirmSignUpInput } from './sign-up';
import type { UserPool } from './user-pool';

export interface ConfirmForgotPasswordInput extends ConfirmSignUpInput {
  readonly Password: string;
}

/** ForgotPassword: a reset code to the verified email (account recovery is by verified email only). */
export async function forgotPassword(pool: UserPool, input: ClientUserInput) {
  const { settings, users } = pool;
  assertClient(settings, input.ClientId);
  const user = users.find(input.Username);
  if (user === undefined) return { CodeDeliveryDetails: decoyDelivery(pool, input.Username) };
  if (user.attributes['email_verified'] !== 'true') {
    throw errors.invalidParameter('Cannot reset password for the user as there is no registered/verified email or phone_number');
  }
  const code = newCode();
  const updated = { ...user, passwordResetCode: oneTimeCode(pool, user.username, code, RESET_CODE_TTL_MS), updatedAtMs: pool.clock.now() };
  await users.save(updated);
  return { CodeDeliveryDetails: await sendCode(pool, updated, code) };
}

export async function confirmForgotPassword(pool: UserPool, input: ConfirmForgotPasswordInput) {
  const { settings, users } = pool;
  assertClient(settings, input.ClientId);
  const limitKey = `reset:${input.Username.toLowerCase()}`;
  assertNotLocked(pool, limitKey);
  const user = users.find(input.Username);
  if (user === undefined) throw unknownUserCode(pool, limitKey);
  assertPasswordPolicy(input.Password);
  checkCodeWithinLimit(pool, limitKey, user, user.passwordResetCode, input.ConfirmationCode);
  const { passwordResetCode: _spent, ...rest } = user;
  await users.save({
    ...rest,
    status: user.status === 'FORCE_CHANGE_PASSWORD' ? 'CONFIRMED' : user.status,
    password: createPasswordVerifier(settings.poolName, user.username, input.Password),
    updatedAtMs: pool.clock.now(),
  });
  return {};
}
