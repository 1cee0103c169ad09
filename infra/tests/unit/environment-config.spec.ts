import { InfraConfigError } from '../../src/errors.js';
import { parseEnvironmentConfig } from '../../src/config/parse-environment-config.js';
import { devInput, inputWith, prodInput } from '../helpers/fixtures.js';

function rejectedField(input: unknown): string {
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
    let input = inputWith(devInput(), 'signIn', undefined);
    input = inputWith(input, 'lambda', undefined);
    input = inputWith(input, 'email', { from: 'no-reply@example.com', sesIdentity: 'example.com' });

    const config = parseEnvironmentConfig(input);

    expect(config.signIn).toEqual({ flow: 'passwordless', maxCodeAttempts: 3, codeLength: 6, codeTtlSeconds: 300 });
    expect(config.email.subject).toBe('Your sign-in code');
    expect(config.email.configurationSet).toEqual({ name: 'cognito-passwordless-dev', manage: true });
    expect(config.lambda).toEqual({ memoryMb: 256, logLevel: 'INFO' });
    expect(config.tags).toEqual(devInput().tags);
  });

  it('returns a deeply frozen configuration', () => {
    const config = parseEnvironmentConfig(prodInput());

    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.email.configurationSet)).toBe(true);
  });

  it.each<[field: string, path: string, value: unknown]>([
    ['environment', 'environment', 'Dev'],
    ['region', 'region', 'europe'],
    ['namePrefix', 'namePrefix', 'a-name-prefix-that-is-far-too-long'],
    ['tags.aws:owner', 'tags', { 'aws:owner': 'me' }],
    ['signIn.flow', 'signIn.flow', 'magic-link'],
    ['signIn.maxCodeAttempts', 'signIn.maxCodeAttempts', 11],
    ['signIn.codeLength', 'signIn.codeLength', 5],
    ['signIn.codeTtlSeconds', 'signIn.codeTtlSeconds', 901],
    ['signIn.codeTtlSeconds', 'signIn.codeTtlSeconds', 300.5],
    ['email.from', 'email.from', 'not an address'],
    ['email.from', 'email.from', 'Name <a@example.com>\r\nBcc: x@example.com'],
    ['email.from', 'email.from', 'someone@elsewhere.example'],
    ['email.subject', 'email.subject', ''],
    ['email.subject', 'email.subject', 'x'.repeat(201)],
    ['email.subject', 'email.subject', 'Your code\nBcc: x'],
    ['email.sesIdentity', 'email.sesIdentity', 'not_a_domain'],
    ['email.configurationSet.name', 'email.configurationSet', { name: 'has space', manage: true }],
    ['lambda.memoryMb', 'lambda.memoryMb', 64],
    ['lambda.logLevel', 'lambda.logLevel', 'VERBOSE'],
    ['logRetentionDays', 'logRetentionDays', 10],
    ['deletionProtection', 'deletionProtection', 'yes'],
    ['userPoolTier', 'userPoolTier', 'FREE'],
    ['alarms', 'alarms', undefined],
    ['alarms.email', 'alarms.email', 'ops at example.com'],
    ['alarms.wrongAnswersPer5Minutes', 'alarms.wrongAnswersPer5Minutes', 0],
    ['alarms.wrongAnswersPer5Minutes', 'alarms.wrongAnswersPer5Minutes', 12.5],
    ['alarms.wrongAnswersPer5Minutes', 'alarms.wrongAnswersPer5Minutes', undefined],
    ['alarms.unknownUserAttemptsPer5Minutes', 'alarms.unknownUserAttemptsPer5Minutes', 1_000_001],
    ['alarms.unknownUserAttemptsPer5Minutes', 'alarms.unknownUserAttemptsPer5Minutes', '100'],
    ['alarms.unexpected', 'alarms.unexpected', 1],
    ['state.type', 'state', { type: 'gcs' }],
    ['state.bucket', 'state', { type: 's3', bucket: 'Not_A_Bucket' }],
    ['state.key', 'state', { type: 's3', bucket: 'state-bucket', key: '/absolute/key' }],
    ['unexpected', 'unexpected', true],
  ])('names %s when it is invalid', (field, path, value) => {
    expect(rejectedField(inputWith(devInput(), path, value))).toBe(field);
  });

  it('takes the alarm email and thresholds as given, the email being optional', () => {
    const withoutEmail = inputWith(prodInput(), 'alarms.email', undefined);

    expect(parseEnvironmentConfig(prodInput()).alarms).toEqual({
      email: 'ops@example.com',
      wrongAnswersPer5Minutes: 750,
      unknownUserAttemptsPer5Minutes: 750,
    });
    expect(parseEnvironmentConfig(withoutEmail).alarms.email).toBeUndefined();
  });

  it('says which environment is wrong, what is wrong and what is allowed', () => {
    const input = inputWith(prodInput(), 'signIn.codeTtlSeconds', 1200);

    expect(() => parseEnvironmentConfig(input)).toThrow(
      'Invalid configuration for environment "prod": signIn.codeTtlSeconds: must be an integer from 60 to 900',
    );
  });

  it('lists every problem, not only the first', () => {
    const input = inputWith(inputWith(devInput(), 'region', 'nowhere'), 'logRetentionDays', 2);

    expect(() => parseEnvironmentConfig(input)).toThrow(/region: .*; logRetentionDays: /);
  });

  it('accepts a sender in the domain of a domain identity, whatever the case', () => {
    const input = inputWith(prodInput(), 'email.from', 'Example <No-Reply@AUTH.example.com>');

    expect(parseEnvironmentConfig(input).email.from).toBe('Example <No-Reply@AUTH.example.com>');
  });
});
