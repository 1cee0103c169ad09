import { ConfigError, readCreateConfig, readDefineConfig, readVerifyConfig } from '../src';
import { SIGN_IN_STATE_TABLE, TRIGGER_SIGN_IN_VARIABLES } from '@cognito-passwordless/contract';
import { createConfigSchema, defineConfigSchema, verifyConfigSchema } from '../src/config.schema';

const configError = (read: () => unknown): ConfigError => {
  try {
    read();
  } catch (error) {
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
};

describe('environment configuration', () => {
  it('applies the documented defaults', () => {
    expect(readDefineConfig({})).toEqual({ SIGN_IN_FLOW: 'passwordless', MAX_CODE_ATTEMPTS: 3 });
    expect(readCreateConfig({})).toEqual({
      MAX_CODE_ATTEMPTS: 3,
      CODE_LENGTH: 6,
      CODE_TTL_SECONDS: 300,
      MAX_CODES_PER_HOUR: 5,
      MAX_FAILED_ANSWERS_PER_DAY: 30,
      RESEND_COOLDOWN_SECONDS: 30,
    });
    expect(readVerifyConfig({})).toEqual({ CODE_LENGTH: 6, CODE_TTL_SECONDS: 300, MAX_FAILED_ANSWERS_PER_DAY: 30 });
  });

  it('treats an empty value as unset', () => {
    expect(readDefineConfig({ SIGN_IN_FLOW: '', MAX_CODE_ATTEMPTS: '' })).toEqual({ SIGN_IN_FLOW: 'passwordless', MAX_CODE_ATTEMPTS: 3 });
  });

  it('reads valid values and freezes the result', () => {
    const config = readCreateConfig({
      MAX_CODE_ATTEMPTS: '10',
      CODE_LENGTH: '8',
      CODE_TTL_SECONDS: '900',
      MAX_CODES_PER_HOUR: '100',
      MAX_FAILED_ANSWERS_PER_DAY: '10000',
      RESEND_COOLDOWN_SECONDS: '0',
    });
    expect(config).toEqual({
      MAX_CODE_ATTEMPTS: 10,
      CODE_LENGTH: 8,
      CODE_TTL_SECONDS: 900,
      MAX_CODES_PER_HOUR: 100,
      MAX_FAILED_ANSWERS_PER_DAY: 10000,
      RESEND_COOLDOWN_SECONDS: 0,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('ignores variables the function does not read', () => {
    expect(readVerifyConfig({ SIGN_IN_FLOW: 'bogus', MAX_CODE_ATTEMPTS: '99', MAX_CODES_PER_HOUR: '0' })).toEqual({
      CODE_LENGTH: 6,
      CODE_TTL_SECONDS: 300,
      MAX_FAILED_ANSWERS_PER_DAY: 30,
    });
  });

  it.each([
    ['SIGN_IN_FLOW', 'magic-link', 'SIGN_IN_FLOW is "magic-link": must be one of passwordless, password-then-code'],
    ['MAX_CODE_ATTEMPTS', '0', 'MAX_CODE_ATTEMPTS is 0: must be a whole number from 1 to 10'],
    ['MAX_CODE_ATTEMPTS', '11', 'MAX_CODE_ATTEMPTS is 11: must be a whole number from 1 to 10'],
    ['MAX_CODE_ATTEMPTS', '2.5', 'MAX_CODE_ATTEMPTS is "2.5": must be a whole number from 1 to 10'],
    ['MAX_CODE_ATTEMPTS', 'three', 'MAX_CODE_ATTEMPTS is "three": must be a whole number from 1 to 10'],
    ['MAX_CODE_ATTEMPTS', ' 3', 'MAX_CODE_ATTEMPTS is " 3": must be a whole number from 1 to 10'],
  ])('refuses %s=%j with a ConfigError naming it', (variable, value, message) => {
    const error = configError(() => readDefineConfig({ [variable]: value }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.name).toBe('ConfigError');
    expect(error.variable).toBe(variable);
    expect(error.message).toBe(message);
  });

  it.each([
    ['CODE_LENGTH', '5', 'CODE_LENGTH is 5: must be a whole number from 6 to 10'],
    ['CODE_LENGTH', '11', 'CODE_LENGTH is 11: must be a whole number from 6 to 10'],
    ['CODE_TTL_SECONDS', '59', 'CODE_TTL_SECONDS is 59: must be a whole number from 60 to 900'],
    ['CODE_TTL_SECONDS', '901', 'CODE_TTL_SECONDS is 901: must be a whole number from 60 to 900'],
    ['CODE_TTL_SECONDS', '-60', 'CODE_TTL_SECONDS is "-60": must be a whole number from 60 to 900'],
  ])('refuses %s=%j', (variable, value, message) => {
    expect(configError(() => readCreateConfig({ [variable]: value })).message).toBe(message);
    expect(configError(() => readVerifyConfig({ [variable]: value })).message).toBe(message);
  });

  it.each([
    ['MAX_CODES_PER_HOUR', '0', 'MAX_CODES_PER_HOUR is 0: must be a whole number from 1 to 100'],
    ['MAX_CODES_PER_HOUR', '101', 'MAX_CODES_PER_HOUR is 101: must be a whole number from 1 to 100'],
    ['MAX_FAILED_ANSWERS_PER_DAY', '0', 'MAX_FAILED_ANSWERS_PER_DAY is 0: must be a whole number from 1 to 1000000'],
    ['MAX_FAILED_ANSWERS_PER_DAY', '1000001', 'MAX_FAILED_ANSWERS_PER_DAY is 1000001: must be a whole number from 1 to 1000000'],
    ['MAX_FAILED_ANSWERS_PER_DAY', '1e3', 'MAX_FAILED_ANSWERS_PER_DAY is "1e3": must be a whole number from 1 to 1000000'],
    ['RESEND_COOLDOWN_SECONDS', '301', 'RESEND_COOLDOWN_SECONDS is 301: must be a whole number from 0 to 300'],
    ['RESEND_COOLDOWN_SECONDS', '-1', 'RESEND_COOLDOWN_SECONDS is "-1": must be a whole number from 0 to 300'],
  ])('refuses the limit %s=%j', (variable, value, message) => {
    expect(configError(() => readCreateConfig({ [variable]: value })).message).toBe(message);
  });

  it('takes the limits from the contract, up to the largest allowed', () => {
    expect(readVerifyConfig({ CODE_LENGTH: '10', MAX_FAILED_ANSWERS_PER_DAY: '1000000' }).MAX_FAILED_ANSWERS_PER_DAY).toBe(1_000_000);
  });

  it.each([
    [readCreateConfig, { MAX_FAILED_ANSWERS_PER_DAY: '101' }],
    [readVerifyConfig, { MAX_FAILED_ANSWERS_PER_DAY: '101' }],
    [readVerifyConfig, { MAX_FAILED_ANSWERS_PER_DAY: '1001', CODE_LENGTH: '7' }],
  ])('refuses a guessing bound above 1e-4 per day, naming both variables (%#)', (read, env) => {
    const error = configError(() => read(env));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.variable).toBe('MAX_FAILED_ANSWERS_PER_DAY');
    expect(error.message).toMatch(/^MAX_FAILED_ANSWERS_PER_DAY is \d+ with CODE_LENGTH \d+: .* above the allowed daily guessing chance of 0\.0001/);
  });

  it('refuses a resend gap longer than the code lives, naming both variables', () => {
    const error = configError(() => readCreateConfig({ RESEND_COOLDOWN_SECONDS: '61', CODE_TTL_SECONDS: '60' }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.variable).toBe('RESEND_COOLDOWN_SECONDS');
    expect(error.message).toMatch(/^RESEND_COOLDOWN_SECONDS is 61 with CODE_TTL_SECONDS 60: /);
  });

  it('accepts a resend gap as long as the code lives', () => {
    expect(readCreateConfig({ RESEND_COOLDOWN_SECONDS: '60', CODE_TTL_SECONDS: '60' }).RESEND_COOLDOWN_SECONDS).toBe(60);
  });

  it('accepts a guessing bound of exactly 1e-4 per day', () => {
    expect(readCreateConfig({ MAX_FAILED_ANSWERS_PER_DAY: '100' }).MAX_FAILED_ANSWERS_PER_DAY).toBe(100);
  });
});

describe('the schemas and the contract', () => {
  // SIGN_IN_STATE_TABLE is read by the state store package, not by the core's schemas.
  const coreNames = (trigger: keyof typeof TRIGGER_SIGN_IN_VARIABLES) =>
    TRIGGER_SIGN_IN_VARIABLES[trigger].map((variable) => variable.name).filter((name) => name !== SIGN_IN_STATE_TABLE.name).sort();

  it.each([
    ['define-auth-challenge', defineConfigSchema],
    ['create-auth-challenge', createConfigSchema],
    ['verify-auth-challenge', verifyConfigSchema],
  ] as const)('reads for %s exactly the variables the contract gives it', (trigger, schema) => {
    expect(Object.keys(schema.entries).sort()).toEqual(coreNames(trigger));
  });
});
