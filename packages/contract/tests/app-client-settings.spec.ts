import {
  APP_CLIENT_EXPLICIT_AUTH_FLOWS,
  APP_CLIENT_PROTECTED_ATTRIBUTES,
  APP_CLIENT_READ_ATTRIBUTES,
  APP_CLIENT_WRITE_ATTRIBUTES,
  ATTRIBUTES_REQUIRING_VERIFICATION_BEFORE_UPDATE,
} from '../src';

describe('app client settings', () => {
  it('allow custom auth and refresh only: no flow that checks a password alone', () => {
    expect([...APP_CLIENT_EXPLICIT_AUTH_FLOWS]).toEqual(['ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
  });

  it('never let the client write where codes are sent', () => {
    const writable: readonly string[] = APP_CLIENT_WRITE_ATTRIBUTES;

    expect(writable).not.toContain('email');
    expect(writable).not.toContain('email_verified');
    expect(APP_CLIENT_PROTECTED_ATTRIBUTES.filter((name) => writable.includes(name))).toEqual([]);
  });

  it('let the client read what it writes, and the email', () => {
    expect(APP_CLIENT_READ_ATTRIBUTES).toEqual(expect.arrayContaining([...APP_CLIENT_WRITE_ATTRIBUTES, 'email', 'email_verified']));
  });

  it('make an email change wait for verification of the new address', () => {
    expect([...ATTRIBUTES_REQUIRING_VERIFICATION_BEFORE_UPDATE]).toEqual(['email']);
  });
});
