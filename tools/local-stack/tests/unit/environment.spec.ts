import { LocalStackConfigError, readStackEnvironment } from '../../src';

describe('readStackEnvironment', () => {
  it('defaults to ports 9229, 8005, 9230 and 8006, dist/local/data, sessions of 300 s', () => {
    const env = readStackEnvironment({}, '/repo');

    expect(env).toEqual({
      cognitoPort: 9229,
      sesPort: 8005,
      webPort: 9230,
      dynamodbPort: 8006,
      dataDir: '/repo/dist/local/data',
      outputDir: '/repo/dist/local',
      authSessionValiditySeconds: 300,
      logRequests: true,
      triggerSettings: {},
    });
  });

  it('keeps users in memory only when LOCAL_DATA_DIR is set but empty', () => {
    expect(readStackEnvironment({ LOCAL_DATA_DIR: '' }, '/repo').dataDir).toBeUndefined();
    expect(readStackEnvironment({ LOCAL_DATA_DIR: 'tmp/users' }, '/repo').dataDir).toBe('/repo/tmp/users');
  });

  it('passes the trigger contract through, an empty value counting as unset', () => {
    const env = readStackEnvironment({ SIGN_IN_FLOW: 'password-then-code', CODE_LENGTH: '8', EMAIL_SUBJECT: '', HOME: '/root' }, '/repo');

    expect(env.triggerSettings).toEqual({ SIGN_IN_FLOW: 'password-then-code', CODE_LENGTH: '8' });
  });

  it.each([
    ['LOCAL_COGNITO_PORT', 'abc'],
    ['LOCAL_SES_PORT', '70000'],
    ['LOCAL_WEB_PORT', '-1'],
    ['LOCAL_DYNAMODB_PORT', 'x'],
    ['LOCAL_AUTH_SESSION_VALIDITY_SECONDS', '0'],
    ['LOCAL_AUTH_SESSION_VALIDITY_SECONDS', '901'],
    ['LOCAL_LOG_REQUESTS', 'yes'],
  ])('refuses %s=%s with an error naming the variable', (name, value) => {
    const read = () => readStackEnvironment({ [name]: value }, '/repo');

    expect(read).toThrow(LocalStackConfigError);
    expect(read).toThrow(name);
  });

  it('passes the per-user limits and the state table name through, from the contract\'s list', () => {
    const env = readStackEnvironment({ MAX_CODES_PER_HOUR: '2', MAX_FAILED_ANSWERS_PER_DAY: '9', SIGN_IN_STATE_TABLE: 'mine' }, '/repo');

    expect(env.triggerSettings).toEqual({ MAX_CODES_PER_HOUR: '2', MAX_FAILED_ANSWERS_PER_DAY: '9', SIGN_IN_STATE_TABLE: 'mine' });
  });

  it('accepts session validity down to 1 s, for tests', () => {
    expect(readStackEnvironment({ LOCAL_AUTH_SESSION_VALIDITY_SECONDS: '1' }, '/repo').authSessionValiditySeconds).toBe(1);
  });
});
