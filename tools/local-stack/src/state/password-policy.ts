import { USER_POOL_PASSWORD_POLICY } from '@cognito-passwordless/contract';
import { InvalidPasswordException } from '../errors';

/** Cognito's special characters (the space counts when not leading or trailing). */
const SYMBOL = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/;

/**
 * The pool's password policy: the one the infra stack deploys (Cognito's
 * default), shared through client-config so the two cannot drift apart.
 * Throws Cognito's `InvalidPasswordException` naming the first rule broken.
 */
export function assertPasswordPolicy(password: string): void {
  const policy = USER_POOL_PASSWORD_POLICY;
  const broken =
    password.length < policy.minimumLength ? 'Password not long enough'
    : policy.requireUppercase && !/[A-Z]/.test(password) ? 'Password must have uppercase characters'
    : policy.requireLowercase && !/[a-z]/.test(password) ? 'Password must have lowercase characters'
    : policy.requireNumbers && !/[0-9]/.test(password) ? 'Password must have numeric characters'
    : policy.requireSymbols && !SYMBOL.test(password) ? 'Password must have symbol characters'
    : undefined;
  if (broken !== undefined) {
    throw new InvalidPasswordException(`Password did not conform with policy: ${broken}`);
  }
}
