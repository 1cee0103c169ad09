import { CognitoServiceError, errors } from '../errors';
import type { UserRecord } from './user-store';

/** Standard attributes a client may write (the pool defines no custom ones). */
const CLIENT_WRITABLE = new Set([
  'address', 'birthdate', 'email', 'family_name', 'gender', 'given_name', 'locale', 'middle_name', 'name',
  'nickname', 'phone_number', 'picture', 'preferred_username', 'profile', 'updated_at', 'website', 'zoneinfo',
]);
/** Only an administrator may set these. */
const ADMIN_WRITABLE = new Set([...CLIENT_WRITABLE, 'email_verified', 'phone_number_verified']);
/** Loose check in the spirit of Cognito's: one address, no spaces, a dot in the domain. */
const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>".]+$/;

export interface AttributeInput {
  readonly Name: string;
  readonly Value?: string | undefined;
}

/**
 * Checks attributes given at sign-up or user creation against the pool's
 * schema (email required, as in the infra pool) and returns them as a map.
 */
export function parseUserAttributes(input: readonly AttributeInput[] | undefined, as: 'client' | 'admin'): Record<string, string> {
  const writable = as === 'admin' ? ADMIN_WRITABLE : CLIENT_WRITABLE;
  const attributes: Record<string, string> = {};
  for (const { Name, Value } of input ?? []) {
    if (!ADMIN_WRITABLE.has(Name) && Name !== 'sub') {
      throw errors.invalidParameter(`Attributes did not conform to the schema: Type for attribute {${Name}} could not be determined`);
    }
    if (!writable.has(Name)) throw new CognitoServiceError('NotAuthorizedException', 'A client attempted to write unauthorized attribute');
    attributes[Name] = Value ?? '';
  }
  const email = attributes['email'];
  if (email === undefined || email === '') {
    throw errors.invalidParameter('Attributes did not conform to the schema: email: The attribute is required');
  }
  if (!EMAIL.test(email)) throw errors.invalidParameter('Invalid email address format.');
  for (const flag of ['email_verified', 'phone_number_verified']) {
    const value = attributes[flag];
    if (value !== undefined && value !== 'true' && value !== 'false') {
      throw errors.invalidParameter(`Attributes did not conform to the schema: ${flag}: The attribute value must be true or false`);
    }
  }
  return attributes;
}

/** `request.userAttributes` of a trigger event, as Cognito fills it. */
export function triggerUserAttributes(user: UserRecord): Record<string, string> {
  return { sub: user.sub, ...user.attributes, 'cognito:user_status': user.status };
}

/** `UserAttributes` of GetUser / AdminGetUser. */
export function attributeList(user: UserRecord): { Name: string; Value: string }[] {
  return [{ Name: 'sub', Value: user.sub }, ...Object.entries(user.attributes).map(([Name, Value]) => ({ Name, Value }))];
}
