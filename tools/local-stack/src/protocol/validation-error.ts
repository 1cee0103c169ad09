import type * as v from 'valibot';
import { errors, type InvalidParameterException } from '../errors';

/**
 * Request members that the Cognito service model marks sensitive (in the AWS
 * SDK: `SENSITIVE_STRING`, trait `sensitive`), in every request shape, plus
 * `Value` of `AttributeType`. AWS leaves their values out of validation
 * messages. tests/unit/validation-error.spec.ts checks this list against the
 * SDK's model.
 */
export const SENSITIVE_MEMBERS: ReadonlySet<string> = new Set([
  'AccessToken',
  'AuthParameters',
  'ChallengeResponses',
  'ClientId',
  'ClientSecret',
  'FeedbackToken',
  'Password',
  'PreviousPassword',
  'ProposedPassword',
  'RefreshToken',
  'Secret',
  'SecretHash',
  'Session',
  'TemporaryPassword',
  'Token',
  'UserCode',
  'UserContextData',
  'Username',
]);

/** Nested members the model marks sensitive, as `<shape>.<member>`. */
export const SENSITIVE_NESTED_MEMBERS: ReadonlySet<string> = new Set(['AttributeType.Value']);

/** Request members that are string maps, whose keys are data rather than member names. */
const MAP_MEMBERS = new Set(['AuthParameters', 'ChallengeResponses', 'ClientMetadata']);
/** Request members that are lists of `AttributeType`. */
const ATTRIBUTE_LISTS = new Set(['UserAttributes', 'ValidationData']);

/**
 * AWS's wording: `1 validation error detected: Value 'NO_SUCH_FLOW' at
 * 'authFlow' failed to satisfy constraint: ...`; `Value null at ...` for a
 * missing member; `Value at ...` (no value) for a sensitive member.
 */
export function validationError(issues: readonly v.BaseIssue<unknown>[]): InvalidParameterException {
  const details = issues.map((issue) => {
    const keys = (issue.path ?? []).map((item) => item.key as string | number);
    const missing = issue.input === undefined;
    const constraint = missing ? 'Member must not be null' : issue.message;
    const value = missing ? ' null' : isSensitive(keys) ? '' : ` '${printable(issue.input)}'`;
    return `Value${value} at '${memberPath(keys)}' failed to satisfy constraint: ${constraint}`;
  });
  return errors.invalidParameter(`${details.length} validation error${details.length === 1 ? '' : 's'} detected: ${details.join('; ')}`);
}

/** `userAttributes.1.member.value`: members in camelCase, list items 1-based, map keys as sent. */
function memberPath(keys: readonly (string | number)[]): string {
  return keys
    .map((key, index) => {
      if (typeof key === 'number') return `${key + 1}.member`;
      return MAP_MEMBERS.has(String(keys[index - 1] ?? '')) ? key : lowerFirst(key);
    })
    .join('.');
}

function isSensitive(keys: readonly (string | number)[]): boolean {
  const [top, , nested] = keys;
  if (SENSITIVE_MEMBERS.has(String(top))) return true;
  return ATTRIBUTE_LISTS.has(String(top)) && SENSITIVE_NESTED_MEMBERS.has(`AttributeType.${String(nested)}`);
}

function printable(input: unknown): string {
  return typeof input === 'string' ? input : JSON.stringify(input);
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
