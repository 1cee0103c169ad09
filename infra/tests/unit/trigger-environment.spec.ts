import { parseEnvironmentConfig } from '../../src/config/parse-environment-config.js';
import { triggerEnvironment } from '../../src/lambda/trigger-environment.js';
import { devInput, inputWith, prodInput } from '../helpers/fixtures.js';

describe('triggerEnvironment', () => {
  const prod = parseEnvironmentConfig(prodInput());

  it('gives define only the flow and the attempt limit', () => {
    expect(triggerEnvironment('define-auth-challenge', prod)).toEqual({
      POWERTOOLS_SERVICE_NAME: 'define-auth-challenge',
      SIGN_IN_FLOW: 'passwordless',
      MAX_CODE_ATTEMPTS: '3',
    });
  });

  it('gives create the code and email settings', () => {
    expect(triggerEnvironment('create-auth-challenge', prod)).toEqual({
      POWERTOOLS_SERVICE_NAME: 'create-auth-challenge',
      MAX_CODE_ATTEMPTS: '3',
      CODE_LENGTH: '6',
      CODE_TTL_SECONDS: '300',
      EMAIL_FROM: 'Example <no-reply@auth.example.com>',
      EMAIL_SUBJECT: 'Your sign-in code',
      SES_CONFIGURATION_SET: 'cognito-passwordless-prod',
    });
  });

  it('gives verify only the code length and lifetime', () => {
    expect(triggerEnvironment('verify-auth-challenge', prod)).toEqual({
      POWERTOOLS_SERVICE_NAME: 'verify-auth-challenge',
      CODE_LENGTH: '6',
      CODE_TTL_SECONDS: '300',
    });
  });

  it('sends through the stack’s own configuration set when none is configured', () => {
    const dev = parseEnvironmentConfig(devInput());

    expect(triggerEnvironment('create-auth-challenge', dev)).toHaveProperty('SES_CONFIGURATION_SET', 'cognito-passwordless-dev');
  });

  it('passes the configured values, not the defaults', () => {
    const signIn = { flow: 'password-then-code', maxCodeAttempts: 5, codeLength: 8, codeTtlSeconds: 600 };
    const config = parseEnvironmentConfig(inputWith(devInput(), 'signIn', signIn));

    expect(triggerEnvironment('define-auth-challenge', config)).toMatchObject({
      SIGN_IN_FLOW: 'password-then-code',
      MAX_CODE_ATTEMPTS: '5',
    });
    expect(triggerEnvironment('verify-auth-challenge', config)).toMatchObject({ CODE_LENGTH: '8', CODE_TTL_SECONDS: '600' });
  });
});
