import { randomUUID } from 'node:crypto';
import { createPasswordVerifier } from '../crypto/srp';
import type { OneTimeCode, UserRecord } from '../state/user-store';
import type { UserPool } from './user-pool';

export interface NewUser {
  readonly username: string;
  readonly status: UserRecord['status'];
  readonly attributes: Record<string, string>;
  readonly password: string;
  readonly confirmationCode?: OneTimeCode | undefined;
}

/** A user record as SignUp and AdminCreateUser make it: a new `sub`, enabled, never signed out, created now. */
export function newUserRecord(pool: UserPool, user: NewUser): UserRecord {
  const now = pool.clock.now();
  return {
    username: user.username,
    sub: randomUUID(),
    status: user.status,
    enabled: true,
    attributes: user.attributes,
    password: createPasswordVerifier(pool.settings.poolName, user.username, user.password),
    createdAtMs: now,
    updatedAtMs: now,
    ...(user.confirmationCode === undefined ? {} : { confirmationCode: user.confirmationCode }),
    tokensValidAfter: 0,
    revokedTokenFamilies: {},
  };
}
