import { APP_CLIENT_READ_ATTRIBUTES, APP_CLIENT_WRITE_ATTRIBUTES, USER_POOL_REQUIRED_ATTRIBUTES } from '@cognito-passwordless/contract';
import { isPlainEmailAddress } from '@cognito-passwordless/contract';
import { errors, NotAuthorizedException } from '../errors';
import type { UserRecord } from './user-store';

/**
 * What SignUp may set: the app client's write attributes (shared with the
 * infra client) plus the pool's required ones, which a sign-up must give.
 * Best guess, not checked on a live pool: that Cognito lets sign-up set a
 * required attribute its client cannot otherwise write (infra/README.md).
 * The stack has no attribute-updating operation (UpdateUserAttributes), so
 * sign-up is the only place a client writes attributes.
 */
const CLIENT_WRITABLE: ReadonlySet<string> = new Set<string>([...APP_CLIENT_WRITE_ATTRIBUTES, ...USER_POOL_REQUIRED_ATTRIBUTES]);
/** Every standard attribute (the pool defines no custom ones): an administrator may set them all. */
const ADMIN_WRITABLE: ReadonlySet<string> = new Set<string>(APP_CLIENT_READ_ATTRIBUTES);

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
    if (!writable.has(Name)) throw new NotAuthorizedException('A client attempted to write unauthorized attribute');
    attributes[Name] = Value ?? '';
  }
  const email = attributes['email'];
  if (email === undefined || email === '') {
    throw errors.invalidParameter('Attributes did not conform to the schema: email: The attribute is required');
  }
  // The contract's rule, stricter than Cognito's attribute check on purpose: an
  // address the Create trigger would refuse to mail is no use at sign-up
  // either. The refusal keeps Cognito's exception and wording.
  if (!isPlainEmailAddress(email)) throw errors.invalidParameter('Invalid email address format.');
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
