import { LocalStackConfigError, readStackEnvironment } from '../../src';

describe('readStackEnvironment', () => {
  it('defaults to ports 9229, 8005 and 9230, dist/local/data, sessions of 300 s', () => {
    const env = readStackEnvironment({}, '/repo');

    expect(env).toEqual({
      cognitoPort: 9229,
      sesPort: 8005,
      webPort: 9230,
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
    ['LOCAL_AUTH_SESSION_VALIDITY_SECONDS', '0'],
    ['LOCAL_AUTH_SESSION_VALIDITY_SECONDS', '901'],
    ['LOCAL_LOG_REQUESTS', 'yes'],
  ])('refuses %s=%s with an error naming the variable', (name, value) => {
    const read = () => readStackEnvironment({ [name]: value }, '/repo');

    expect(read).toThrow(LocalStackConfigError);
    expect(read).toThrow(name);
  });

  it('accepts session validity down to 1 s, for tests', () => {
    expect(readStackEnvironment({ LOCAL_AUTH_SESSION_VALIDITY_SECONDS: '1' }, '/repo').authSessionValiditySeconds).toBe(1);
  });
});
