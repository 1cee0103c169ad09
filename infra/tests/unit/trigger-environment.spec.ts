import { TRIGGER_NAMES, TRIGGER_SIGN_IN_VARIABLES } from '@cognito-passwordless/contract';
import { parseEnvironmentConfig } from '../../src/config/parse-environment-config.js';
import { triggerEnvironment, UNSET_SIGN_IN_VARIABLES } from '../../src/lambda/trigger-environment.js';
import { devInput, inputWith, prodInput } from '../helpers/fixtures.js';

const RESOURCES = { stateTableName: 'app-prod-sign-in-state' };

describe('triggerEnvironment', () => {
  const prod = parseEnvironmentConfig(prodInput());

  it('gives define only the flow and the attempt limit', () => {
    expect(triggerEnvironment('define-auth-challenge', prod, RESOURCES)).toEqual({
      POWERTOOLS_SERVICE_NAME: 'define-auth-challenge',
      SIGN_IN_FLOW: 'passwordless',
      MAX_CODE_ATTEMPTS: '3',
    });
  });

  it('gives create the code, limit, state table and email settings', () => {
    expect(triggerEnvironment('create-auth-challenge', prod, RESOURCES)).toEqual({
      POWERTOOLS_SERVICE_NAME: 'create-auth-challenge',
      MAX_CODE_ATTEMPTS: '3',
      CODE_LENGTH: '6',
      CODE_TTL_SECONDS: '300',
      MAX_CODES_PER_HOUR: '5',
      MAX_FAILED_ANSWERS_PER_DAY: '30',
      RESEND_COOLDOWN_SECONDS: '30',
      SIGN_IN_STATE_TABLE: 'app-prod-sign-in-state',
      EMAIL_FROM: 'Example <no-reply@auth.example.com>',
      EMAIL_DEFAULT_LOCALE: 'en',
      EMAIL_APP_NAME: 'Example',
      SES_CONFIGURATION_SET: 'cognito-passwordless-prod',
    });
  });

  it('gives verify the code length and lifetime, the daily wrong-answer limit and the state table', () => {
    expect(triggerEnvironment('verify-auth-challenge', prod, RESOURCES)).toEqual({
      POWERTOOLS_SERVICE_NAME: 'verify-auth-challenge',
      CODE_LENGTH: '6',
      CODE_TTL_SECONDS: '300',
      MAX_FAILED_ANSWERS_PER_DAY: '30',
      SIGN_IN_STATE_TABLE: 'app-prod-sign-in-state',
    });
  });

  it.each(TRIGGER_NAMES)('sets every sign-in variable the contract lists for %s, except the ones left to the trigger default', (trigger) => {
    const environment = triggerEnvironment(trigger, prod, RESOURCES);
    const expected = TRIGGER_SIGN_IN_VARIABLES[trigger].filter((variable) => !UNSET_SIGN_IN_VARIABLES.includes(variable));

    expect(expected.length).toBeGreaterThan(1);
    for (const variable of expected) expect(environment[variable.name]).toEqual(expect.any(String));
    for (const variable of UNSET_SIGN_IN_VARIABLES) expect(environment).not.toHaveProperty(variable.name);
  });

  it('leaves no variable to the trigger default: the resend cooldown comes from signIn.resendCooldownSeconds', () => {
    const config = parseEnvironmentConfig(inputWith(prodInput(), 'signIn.resendCooldownSeconds', 0));

    expect(UNSET_SIGN_IN_VARIABLES).toEqual([]);
    expect(triggerEnvironment('create-auth-challenge', config, RESOURCES)['RESEND_COOLDOWN_SECONDS']).toBe('0');
  });

  it('refuses a contract variable the stack has no value for, naming it and the function', () => {
    jest.isolateModules(() => {
      jest.doMock('@cognito-passwordless/contract', () => {
        const actual = jest.requireActual('@cognito-passwordless/contract');
        const added = { kind: 'text', name: 'NEW_SIGN_IN_VARIABLE', description: 'added to the contract, not wired in infra' };
        return {
          ...actual,
          TRIGGER_ENVIRONMENT: {
            ...actual.TRIGGER_ENVIRONMENT,
            'verify-auth-challenge': [...actual.TRIGGER_ENVIRONMENT['verify-auth-challenge'], added],
          },
        };
      });
      const isolated = require('../../src/lambda/trigger-environment.js') as typeof import('../../src/lambda/trigger-environment.js');

      expect(() => isolated.triggerEnvironment('verify-auth-challenge', prod, RESOURCES)).toThrow(
        expect.objectContaining({
          name: 'UnwiredTriggerVariableError',
          message: expect.stringContaining('verify-auth-challenge reads NEW_SIGN_IN_VARIABLE'),
        }),
      );
      expect(isolated.triggerEnvironment('create-auth-challenge', prod, RESOURCES)).toHaveProperty('MAX_CODES_PER_HOUR', '5');
    });
  });

  it('gives no function the state table unless the contract says it reads it', () => {
    expect(triggerEnvironment('define-auth-challenge', prod, RESOURCES)).not.toHaveProperty('SIGN_IN_STATE_TABLE');
  });

  it('sends through the stack’s own configuration set when none is configured', () => {
    const dev = parseEnvironmentConfig(devInput());

    expect(triggerEnvironment('create-auth-challenge', dev, RESOURCES)).toHaveProperty('SES_CONFIGURATION_SET', 'cognito-passwordless-dev');
  });

  it('passes EMAIL_SUBJECT only when the environment sets one', () => {
    const config = parseEnvironmentConfig(inputWith(devInput(), 'email.subject', 'Your code'));

    expect(triggerEnvironment('create-auth-challenge', config, RESOURCES)).toMatchObject({ EMAIL_SUBJECT: 'Your code', EMAIL_APP_NAME: 'Example (dev)' });
    expect(triggerEnvironment('create-auth-challenge', parseEnvironmentConfig(devInput()), RESOURCES)).not.toHaveProperty('EMAIL_SUBJECT');
  });

  it('passes the configured values, not the defaults', () => {
    const signIn = {
      flow: 'password-then-code',
      maxCodeAttempts: 5,
      codeLength: 8,
      codeTtlSeconds: 600,
      maxCodesPerHour: 12,
      maxFailedAnswersPerDay: 9_000,
    };
    const config = parseEnvironmentConfig(inputWith(devInput(), 'signIn', signIn));

    expect(triggerEnvironment('define-auth-challenge', config, RESOURCES)).toMatchObject({
      SIGN_IN_FLOW: 'password-then-code',
      MAX_CODE_ATTEMPTS: '5',
    });
    expect(triggerEnvironment('create-auth-challenge', config, RESOURCES)).toMatchObject({
      MAX_CODES_PER_HOUR: '12',
      MAX_FAILED_ANSWERS_PER_DAY: '9000',
    });
    expect(triggerEnvironment('verify-auth-challenge', config, RESOURCES)).toMatchObject({
      CODE_LENGTH: '8',
      CODE_TTL_SECONDS: '600',
      MAX_FAILED_ANSWERS_PER_DAY: '9000',
    });
  });
});
