import {
  CODE_LENGTH,
  CODE_TTL_SECONDS,
  dailyGuessProbability,
  MAX_CODE_ATTEMPTS,
  MAX_CODES_PER_HOUR,
  MAX_DAILY_GUESS_PROBABILITY,
  MAX_FAILED_ANSWERS_PER_DAY,
  SIGN_IN_FLOW,
} from '@cognito-passwordless/contract';
import { maxFailedAnswersPerDayFor } from '../../src/config/guessing-bound.js';
import { InfraConfigError } from '../../src/errors.js';
import { parseEnvironmentConfig } from '../../src/config/parse-environment-config.js';
import { devInput, inputWith, prodInput } from '../helpers/fixtures.js';
import { rejectedField } from '../helpers/rejected-field.js';

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

    expect(config.signIn).toEqual({
      flow: 'passwordless',
      maxCodeAttempts: 3,
      codeLength: 6,
      codeTtlSeconds: 300,
      maxCodesPerHour: 5,
      maxFailedAnswersPerDay: 30,
      resendCooldownSeconds: 30,
    });
    expect(config.email.subject).toBeUndefined();
    expect(config.email.defaultLocale).toBe('en');
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
    ['signIn.maxCodesPerHour', 'signIn.maxCodesPerHour', 0],
    ['signIn.maxCodesPerHour', 'signIn.maxCodesPerHour', 101],
    ['signIn.maxFailedAnswersPerDay', 'signIn.maxFailedAnswersPerDay', 0],
    ['signIn.maxFailedAnswersPerDay', 'signIn.maxFailedAnswersPerDay', 1_000_001],
    ['signIn.maxFailedAnswersPerDay', 'signIn.maxFailedAnswersPerDay', 101],
    ['signIn.resendCooldownSeconds', 'signIn.resendCooldownSeconds', 301],
    ['signIn.resendCooldownSeconds', 'signIn.resendCooldownSeconds', -1],
    ['stateTable', 'stateTable', undefined],
    ['stateTable.pointInTimeRecovery', 'stateTable.pointInTimeRecovery', 'on'],
    ['alarms.limitedSignInsPer5Minutes', 'alarms.limitedSignInsPer5Minutes', 0],
    ['email.from', 'email.from', 'not an address'],
    ['email.from', 'email.from', 'Name <a@example.com>\r\nBcc: x@example.com'],
    ['email.from', 'email.from', 'someone@elsewhere.example'],
    // The Create trigger refuses a quoted name at cold start, so the synth refuses it first.
    ['email.from', 'email.from', '"Sign-in" <no-reply@example.com>'],
    ['email.subject', 'email.subject', ''],
    ['email.subject', 'email.subject', 'x'.repeat(201)],
    ['email.subject', 'email.subject', 'Your code\nBcc: x'],
    ['email.appName', 'email.appName', 'Acme\r\nBcc: x'],
    ['email.appName', 'email.appName', 'Acme\u202e'],
    ['email.appName', 'email.appName', 'A'.repeat(61)],
    ['email.defaultLocale', 'email.defaultLocale', 'english'],
    ['email.templates', 'email.templates', 'templates with spaces'],
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

  it('names signIn.resendCooldownSeconds when the gap between resends is longer than a code lives', () => {
    const shortCodes = inputWith(devInput(), 'signIn.codeTtlSeconds', 60);

    expect(rejectedField(inputWith(shortCodes, 'signIn.resendCooldownSeconds', 61))).toBe('signIn.resendCooldownSeconds');
    expect(parseEnvironmentConfig(inputWith(shortCodes, 'signIn.resendCooldownSeconds', 60)).signIn.resendCooldownSeconds).toBe(60);
  });

  it('takes the alarm email and thresholds as given, the email being optional', () => {
    const withoutEmail = inputWith(prodInput(), 'alarms.email', undefined);

    expect(parseEnvironmentConfig(prodInput()).alarms).toEqual({
      email: 'ops@example.com',
      wrongAnswersPer5Minutes: 750,
      unknownUserAttemptsPer5Minutes: 750,
      limitedSignInsPer5Minutes: 50,
    });
    expect(parseEnvironmentConfig(withoutEmail).alarms.email).toBeUndefined();
  });

  it.each([
    ['maxCodeAttempts', MAX_CODE_ATTEMPTS],
    ['codeLength', CODE_LENGTH],
    ['codeTtlSeconds', CODE_TTL_SECONDS],
    ['maxCodesPerHour', MAX_CODES_PER_HOUR],
    ['maxFailedAnswersPerDay', MAX_FAILED_ANSWERS_PER_DAY],
  ] as const)('bounds signIn.%s and fills its default as the contract defines them', (setting, variable) => {
    // Lengthened code, so the guessing bound leaves every contract value of the daily limit open.
    const base = inputWith(devInput(), 'signIn.codeLength', CODE_LENGTH.max);
    const path = `signIn.${setting}`;
    const withDefault = inputWith(inputWith(devInput(), 'signIn', {}), 'signIn.codeLength', undefined);

    expect(parseEnvironmentConfig(inputWith(base, path, variable.min)).signIn[setting]).toBe(variable.min);
    expect(parseEnvironmentConfig(inputWith(base, path, variable.max)).signIn[setting]).toBe(variable.max);
    expect(rejectedField(inputWith(base, path, variable.min - 1))).toBe(path);
    expect(rejectedField(inputWith(base, path, variable.max + 1))).toBe(path);
    expect(parseEnvironmentConfig(withDefault).signIn[setting]).toBe(variable.defaultValue);
  });

  it('offers the sign-in flows of the contract, defaulting as it does', () => {
    for (const flow of SIGN_IN_FLOW.values) {
      expect(parseEnvironmentConfig(inputWith(devInput(), 'signIn.flow', flow)).signIn.flow).toBe(flow);
    }
    expect(parseEnvironmentConfig(inputWith(devInput(), 'signIn', {})).signIn.flow).toBe(SIGN_IN_FLOW.defaultValue);
  });

  it.each([
    [6, 100],
    [7, 1_000],
    [10, 1_000_000],
  ])('accepts up to the guessing bound exactly: with %i digits, %i wrong answers a day', (codeLength, maxFailedAnswersPerDay) => {
    const input = inputWith(inputWith(devInput(), 'signIn.codeLength', codeLength), 'signIn.maxFailedAnswersPerDay', maxFailedAnswersPerDay);

    expect(dailyGuessProbability(maxFailedAnswersPerDay, codeLength)).toBeLessThanOrEqual(MAX_DAILY_GUESS_PROBABILITY);
    expect(parseEnvironmentConfig(input).signIn).toMatchObject({ codeLength, maxFailedAnswersPerDay });
  });

  it.each(Array.from({ length: CODE_LENGTH.max - CODE_LENGTH.min + 1 }, (_, i) => CODE_LENGTH.min + i))(
    'draws the line exactly at the bound for %i digits: the highest daily limit within it passes, one more is refused',
    (codeLength) => {
      const highest = maxFailedAnswersPerDayFor(codeLength);
      const withLimit = (limit: number) =>
        inputWith(inputWith(devInput(), 'signIn.codeLength', codeLength), 'signIn.maxFailedAnswersPerDay', limit);

      expect(parseEnvironmentConfig(withLimit(highest)).signIn.maxFailedAnswersPerDay).toBe(highest);
      expect(rejectedField(withLimit(highest + 1))).toBe('signIn.maxFailedAnswersPerDay');
    },
  );

  it('refuses a daily guessing chance above the contract bound with a typed error naming both settings', () => {
    const input = inputWith(inputWith(prodInput(), 'signIn.codeLength', 7), 'signIn.maxFailedAnswersPerDay', 1_001);

    expect(() => parseEnvironmentConfig(input)).toThrow(InfraConfigError);
    expect(rejectedField(input)).toBe('signIn.maxFailedAnswersPerDay');
    expect(() => parseEnvironmentConfig(input)).toThrow(
      'Invalid configuration for environment "prod": signIn.maxFailedAnswersPerDay: maxFailedAnswersPerDay (MAX_FAILED_ANSWERS_PER_DAY) 1001 ' +
        'with codeLength (CODE_LENGTH) 7 gives a daily chance of 0.0001001 of guessing one user\'s code, above 0.0001: ' +
        'allow at most 1000 wrong answers a day, or lengthen the code',
    );
  });

  it('applies the guessing bound to the defaults too (30 a day with 6 digits is within it)', () => {
    expect(dailyGuessProbability(MAX_FAILED_ANSWERS_PER_DAY.defaultValue, CODE_LENGTH.defaultValue)).toBeLessThanOrEqual(MAX_DAILY_GUESS_PROBABILITY);
    expect(() => parseEnvironmentConfig(inputWith(devInput(), 'signIn', {}))).not.toThrow();
  });

  it('asks each environment for point-in-time recovery of the state table: on in prod', () => {
    expect(parseEnvironmentConfig(prodInput()).stateTable).toEqual({ pointInTimeRecovery: true });
    expect(parseEnvironmentConfig(devInput()).stateTable).toEqual({ pointInTimeRecovery: false });
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
