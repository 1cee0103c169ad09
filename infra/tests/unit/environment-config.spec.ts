import { InfraConfigError } from '../../src/errors.js';
import { parseEnvironmentConfig } from '../../src/config/parse-environment-config.js';
import { devInput, prodInput } from '../helpers/fixtures.js';

function rejectedField(change: (input: Record<string, any>) => void): string {
  const input = devInput() as Record<string, any>;
  change(input);
  try {
    parseEnvironmentConfig(input);
  } catch (error) {
    if (error instanceof InfraConfigError) return error.field;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('parseEnvironmentConfig', () => {
  it.each([
    ['dev', devInput],
    ['prod', prodInput],
  ])('accepts the shipped %s configuration', (_name, input) => {
    expect(() => parseEnvironmentConfig(input())).not.toThrow();
  });

  it('fills in the environment contract defaults', () => {
    const input = devInput() as Record<string, any>;
    delete input['signIn'];
    delete input['lambda'];
    input['email'] = { from: 'no-reply@example.com', sesIdentity: 'example.com' };

    const config = parseEnvironmentConfig(input);

    expect(config.signIn).toEqual({ flow: 'passwordless', maxCodeAttempts: 3, codeLength: 6, codeTtlSeconds: 300 });
    expect(config.email.subject).toBe('Your sign-in code');
    expect(config.email.configurationSet).toBeUndefined();
    expect(config.lambda).toEqual({ memoryMb: 256, logLevel: 'INFO' });
    expect(config.tags).toEqual(devInput().tags);
  });

  it('returns a deeply frozen configuration', () => {
    const config = parseEnvironmentConfig(prodInput());

    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.email.configurationSet)).toBe(true);
  });

  it.each<[string, (input: Record<string, any>) => void]>([
    ['environment', (input) => (input['environment'] = 'Dev')],
    ['region', (input) => (input['region'] = 'europe')],
    ['namePrefix', (input) => (input['namePrefix'] = 'a-name-prefix-that-is-far-too-long')],
    ['tags.aws:owner', (input) => (input['tags'] = { 'aws:owner': 'me' })],
    ['signIn.flow', (input) => (input['signIn'].flow = 'magic-link')],
    ['signIn.maxCodeAttempts', (input) => (input['signIn'].maxCodeAttempts = 11)],
    ['signIn.codeLength', (input) => (input['signIn'].codeLength = 5)],
    ['signIn.codeTtlSeconds', (input) => (input['signIn'].codeTtlSeconds = 901)],
    ['signIn.codeTtlSeconds', (input) => (input['signIn'].codeTtlSeconds = 300.5)],
    ['email.from', (input) => (input['email'].from = 'not an address')],
    ['email.from', (input) => (input['email'].from = 'Name <a@example.com>\r\nBcc: x@example.com')],
    ['email.from', (input) => (input['email'].from = 'someone@elsewhere.example')],
    ['email.subject', (input) => (input['email'].subject = '')],
    ['email.subject', (input) => (input['email'].subject = 'x'.repeat(201))],
    ['email.subject', (input) => (input['email'].subject = 'Your code\nBcc: x')],
    ['email.sesIdentity', (input) => (input['email'].sesIdentity = 'not_a_domain')],
    ['email.configurationSet.name', (input) => (input['email'].configurationSet = { name: 'has space', manage: true })],
    ['lambda.memoryMb', (input) => (input['lambda'].memoryMb = 64)],
    ['lambda.logLevel', (input) => (input['lambda'].logLevel = 'VERBOSE')],
    ['logRetentionDays', (input) => (input['logRetentionDays'] = 10)],
    ['deletionProtection', (input) => (input['deletionProtection'] = 'yes')],
    ['userPoolTier', (input) => (input['userPoolTier'] = 'FREE')],
    ['state.type', (input) => (input['state'] = { type: 'gcs' })],
    ['state.bucket', (input) => (input['state'] = { type: 's3', bucket: 'Not_A_Bucket' })],
    ['state.key', (input) => (input['state'] = { type: 's3', bucket: 'state-bucket', key: '/absolute/key' })],
    ['unexpected', (input) => (input['unexpected'] = true)],
  ])('names %s when it is invalid', (field, change) => {
    expect(rejectedField(change)).toBe(field);
  });

  it('says which environment is wrong, what is wrong and what is allowed', () => {
    const input = prodInput() as Record<string, any>;
    input['signIn'].codeTtlSeconds = 1200;

    expect(() => parseEnvironmentConfig(input)).toThrow(
      'Invalid configuration for environment "prod": signIn.codeTtlSeconds: must be an integer from 60 to 900',
    );
  });

  it('lists every problem, not only the first', () => {
    const input = devInput() as Record<string, any>;
    input['region'] = 'nowhere';
    input['logRetentionDays'] = 2;

    expect(() => parseEnvironmentConfig(input)).toThrow(/region: .*; logRetentionDays: /);
  });

  it('accepts a sender in the domain of a domain identity, whatever the case', () => {
    const input = prodInput() as Record<string, any>;
    input['email'].from = 'Example <No-Reply@AUTH.example.com>';

    expect(parseEnvironmentConfig(input).email.from).toBe('Example <No-Reply@AUTH.example.com>');
  });
});
