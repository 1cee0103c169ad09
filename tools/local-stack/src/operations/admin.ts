import { randomUUID } from 'node:crypto';
import { INVITATION_EMAIL_SUBJECT, invitationEmailMessage } from '../adapters/verification-mailer';
import { createPasswordVerifier } from '../crypto/srp';
import { errors } from '../errors';
import { assertPasswordPolicy } from '../state/password-policy';
import { assertPool } from '../state/pool-settings';
import { attributeList, parseUserAttributes, type AttributeInput } from '../state/user-attributes';
import type { UserRecord, UserStatus } from '../state/user-store';
import { deliver } from './code-delivery';
import { newUserRecord } from './new-user';
import type { UserPool } from './user-pool';

export interface AdminUserInput {
  readonly UserPoolId: string;
  readonly Username: string;
}

export interface AdminCreateUserInput extends AdminUserInput {
  readonly UserAttributes?: readonly AttributeInput[] | undefined;
  readonly TemporaryPassword?: string | undefined;
  readonly MessageAction?: string | undefined;
}

export interface AdminSetUserPasswordInput extends AdminUserInput {
  readonly Password: string;
  readonly Permanent?: boolean | undefined;
}

/** AdminCreateUser: a FORCE_CHANGE_PASSWORD user, invited by email unless MessageAction is SUPPRESS. */
export async function adminCreateUser(pool: UserPool, input: AdminCreateUserInput) {
  const { settings, users } = pool;
  assertPool(settings, input.UserPoolId);
  if (input.MessageAction === 'RESEND') throw errors.invalidParameter('MessageAction RESEND is not supported by the local stack.');
  const attributes = parseUserAttributes(input.UserAttributes, 'admin');
  const password = input.TemporaryPassword ?? temporaryPassword();
  assertPasswordPolicy(password);
  if (users.find(input.Username) !== undefined) throw errors.usernameExists();
  const user = newUserRecord(pool, { username: input.Username, status: 'FORCE_CHANGE_PASSWORD', attributes: { email_verified: 'false', ...attributes }, password });
  await users.save(user);
  if (input.MessageAction !== 'SUPPRESS') {
    await deliver(pool, user, INVITATION_EMAIL_SUBJECT, invitationEmailMessage(user.username, password));
  }
  return { User: describeUser(user, 'Attributes') };
}

export async function adminGetUser(pool: UserPool, input: AdminUserInput) {
  const user = adminFind(pool, input);
  return { ...describeUser(user, 'UserAttributes'), Username: user.username };
}

export async function adminDeleteUser(pool: UserPool, input: AdminUserInput) {
  const user = adminFind(pool, input);
  await pool.users.delete(user.username);
  return {};
}

export async function adminConfirmSignUp(pool: UserPool, input: AdminUserInput) {
  const user = adminFind(pool, input);
  if (user.status !== 'UNCONFIRMED') throw errors.notAuthorized(`User cannot be confirmed. Current status is ${user.status}`);
  const { confirmationCode: _spent, ...rest } = user;
  await pool.users.save({ ...rest, status: 'CONFIRMED', updatedAtMs: pool.clock.now() });
  return {};
}

export async function adminSetUserPassword(pool: UserPool, input: AdminSetUserPasswordInput) {
  const user = adminFind(pool, input);
  assertPasswordPolicy(input.Password);
  const status: UserStatus = input.Permanent === true ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD';
  await pool.users.save({
    ...user,
    status,
    password: createPasswordVerifier(pool.settings.poolName, user.username, input.Password),
    updatedAtMs: pool.clock.now(),
  });
  return {};
}

function adminFind(pool: UserPool, input: AdminUserInput): UserRecord {
  assertPool(pool.settings, input.UserPoolId);
  const user = pool.users.find(input.Username);
  if (user === undefined) throw errors.userNotFound();
  return user;
}

/** A password that meets the default policy, for AdminCreateUser without one. */
function temporaryPassword(): string {
  return `Tmp-${randomUUID()}-A1`;
}

function describeUser<K extends 'Attributes' | 'UserAttributes'>(user: UserRecord, attributesKey: K) {
  return {
    Username: user.username,
    [attributesKey]: attributeList(user),
    UserCreateDate: user.createdAtMs / 1000,
    UserLastModifiedDate: user.updatedAtMs / 1000,
    Enabled: user.enabled,
    UserStatus: user.status,
  } as Record<K, { Name: string; Value: string }[]> & { Username: string; UserCreateDate: number; UserLastModifiedDate: number; Enabled: boolean; UserStatus: UserStatus };
}
