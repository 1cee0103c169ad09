import * as sdk from '@aws-sdk/client-cognito-identity-provider';
import { NormalizedSchema } from '@smithy/core/schema';
import * as v from 'valibot';
import * as schemas from '../../src/protocol/schemas';
import { SENSITIVE_MEMBERS, SENSITIVE_NESTED_MEMBERS, validationError } from '../../src/protocol/validation-error';

function messageFor(schema: v.GenericSchema, body: unknown): string {
  const parsed = v.safeParse(schema, body);
  if (parsed.success) throw new Error('expected the body to be refused');
  const error = validationError(parsed.issues);
  expect(error.type).toBe('InvalidParameterException');
  return error.message;
}

/** The members of one shape of the SDK's model, each with whether the model marks it sensitive. */
function modelMembers(shape: unknown): [string, boolean][] {
  return [...NormalizedSchema.of(shape as never).structIterator()].map(([name, member]) => [name, member.getMergedTraits().sensitive === 1]);
}

describe('validation errors in AWS wording', () => {
  it('says "Value null" for a missing member, sensitive or not', () => {
    expect(messageFor(schemas.InitiateAuthRequest, { ClientId: 'abc' })).toBe(
      "1 validation error detected: Value null at 'authFlow' failed to satisfy constraint: Member must not be null",
    );
    expect(messageFor(schemas.InitiateAuthRequest, { AuthFlow: 'CUSTOM_AUTH' })).toBe(
      "1 validation error detected: Value null at 'clientId' failed to satisfy constraint: Member must not be null",
    );
  });

  it('quotes the value of a member that is not sensitive', () => {
    expect(messageFor(schemas.InitiateAuthRequest, { ClientId: 'abc', AuthFlow: 'NO_SUCH_FLOW' })).toBe(
      "1 validation error detected: Value 'NO_SUCH_FLOW' at 'authFlow' failed to satisfy constraint: " +
        'Member must satisfy enum value set: [USER_SRP_AUTH, REFRESH_TOKEN_AUTH, REFRESH_TOKEN, CUSTOM_AUTH, ADMIN_NO_SRP_AUTH, USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH, USER_AUTH]',
    );
  });

  it('leaves the value of a sensitive member out', () => {
    const message = messageFor(schemas.SignUpRequest, { ClientId: 'abc', Username: 'two words', Password: ' secret-with-a-space' });

    expect(message).toBe(
      '2 validation errors detected: ' +
        "Value at 'username' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+; " +
        "Value at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\S]+(.*[\\S]+)?",
    );
    expect(message).not.toContain('secret');
  });

  it('names a member inside a list as AWS does, and keeps an attribute value out', () => {
    const message = messageFor(schemas.SignUpRequest, {
      ClientId: 'abc',
      Username: 'alice',
      Password: 'Correct-Horse-9',
      UserAttributes: [{ Name: 'email', Value: 'x'.repeat(2049) }, { Name: 'n'.repeat(33) }],
    });

    expect(message).toBe(
      '2 validation errors detected: ' +
        "Value at 'userAttributes.1.member.value' failed to satisfy constraint: Member must have length less than or equal to 2048; " +
        `Value '${'n'.repeat(33)}' at 'userAttributes.2.member.name' failed to satisfy constraint: Member must have length less than or equal to 32`,
    );
  });

  it('keeps the keys of a map as sent', () => {
    expect(messageFor(schemas.InitiateAuthRequest, { ClientId: 'abc', AuthFlow: 'CUSTOM_AUTH', ClientMetadata: { resend: 1 } })).toBe(
      "1 validation error detected: Value '1' at 'clientMetadata.resend' failed to satisfy constraint: Member must be a string",
    );
  });

  describe('the list of sensitive members', () => {
    const requestShapes = Object.entries(sdk).filter(([name]) => name.endsWith('Request$'));

    it('matches the sensitivity of every member of every request in the AWS SDK service model', () => {
      const mismatches = requestShapes.flatMap(([shape, schema]) =>
        modelMembers(schema)
          .filter(([member, sensitive]) => SENSITIVE_MEMBERS.has(member) !== sensitive)
          .map(([member, sensitive]) => `${shape.slice(0, -1)}.${member}: the model says ${sensitive ? 'sensitive' : 'not sensitive'}`),
      );

      expect(requestShapes.length).toBeGreaterThan(100);
      expect(mismatches).toEqual([]);
    });

    it('names no member the model does not have', () => {
      const known = new Set(requestShapes.flatMap(([, schema]) => modelMembers(schema).map(([member]) => member)));

      expect([...SENSITIVE_MEMBERS].filter((member) => !known.has(member))).toEqual([]);
    });

    it('matches the model for the members of an attribute', () => {
      const sensitive = modelMembers(sdk.AttributeType$).filter(([, isSensitive]) => isSensitive).map(([member]) => `AttributeType.${member}`);

      expect(sensitive).toEqual([...SENSITIVE_NESTED_MEMBERS]);
    });
  });
});
