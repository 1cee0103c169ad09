import { EMAIL_VARIABLES } from '@cognito-passwordless/contract';
import { ConfigError } from '@cognito-passwordless/trigger-core';
import { readEmailConfig } from '../src';
import { emailConfigSchema } from '../src/email-config.schema';

const error = (env: Record<string, string>) => {
  try {
    readEmailConfig(env);
  } catch (e) {
    return e as ConfigError;
  }
  throw new Error('expected a ConfigError');
};

describe('email configuration', () => {
  it('needs EMAIL_FROM, defaults the locale to en and leaves the subject to each locale', () => {
    expect(readEmailConfig({ EMAIL_FROM: 'sign-in@example.com' })).toEqual({
      EMAIL_FROM: 'sign-in@example.com',
      EMAIL_DEFAULT_LOCALE: 'en',
    });
  });

  it('accepts an app name with any printable characters, HTML ones included (they are escaped)', () => {
    expect(readEmailConfig({ EMAIL_FROM: 'a@example.com', EMAIL_APP_NAME: 'Müller & Söhne <Konto>' }).EMAIL_APP_NAME).toBe('Müller & Söhne <Konto>');
  });

  it('accepts a display name and a configuration set', () => {
    expect(
      readEmailConfig({ EMAIL_FROM: 'Acme Sign-in <sign-in@acme.example>', SES_CONFIGURATION_SET: 'sign-in-events' }),
    ).toMatchObject({ EMAIL_FROM: 'Acme Sign-in <sign-in@acme.example>', SES_CONFIGURATION_SET: 'sign-in-events' });
  });

  it.each([
    [{}, 'EMAIL_FROM', /is required/],
    [{ EMAIL_FROM: '' }, 'EMAIL_FROM', /is required/],
    [{ EMAIL_FROM: 'not an address' }, 'EMAIL_FROM', /must be one address, or "Name <address>"/],
    [{ EMAIL_FROM: 'a@example.com, b@example.com' }, 'EMAIL_FROM', /must be one address/],
    [{ EMAIL_FROM: 'a@example.com\r\nBcc: b@example.com' }, 'EMAIL_FROM', /must be one address/],
    [{ EMAIL_FROM: 'a@example.com', EMAIL_SUBJECT: 'x'.repeat(201) }, 'EMAIL_SUBJECT', /at most 200 characters/],
    [{ EMAIL_FROM: 'a@example.com', EMAIL_SUBJECT: 'Code\r\nBcc: eve@example.com' }, 'EMAIL_SUBJECT', /no CR or LF/],
    [{ EMAIL_FROM: 'a@example.com', EMAIL_DEFAULT_LOCALE: 'german' }, 'EMAIL_DEFAULT_LOCALE', /must be a language tag/],
    [{ EMAIL_FROM: 'a@example.com', EMAIL_APP_NAME: 'Acme\r\nBcc: eve@example.com' }, 'EMAIL_APP_NAME', /one line of plain text/],
    [{ EMAIL_FROM: 'a@example.com', EMAIL_APP_NAME: 'Acme\u202eevil' }, 'EMAIL_APP_NAME', /no line breaks or control characters/],
    [{ EMAIL_FROM: 'a@example.com', EMAIL_APP_NAME: ' Acme' }, 'EMAIL_APP_NAME', /must not start or end with a space/],
    [{ EMAIL_FROM: 'a@example.com', EMAIL_APP_NAME: 'A'.repeat(61) }, 'EMAIL_APP_NAME', /at most 60 characters/],
    [{ EMAIL_FROM: 'a@example.com', SES_CONFIGURATION_SET: 'has spaces' }, 'SES_CONFIGURATION_SET', /configuration set name/],
  ])('refuses %j naming %s', (env, variable, message) => {
    const e = error(env as Record<string, string>);
    expect(e).toBeInstanceOf(ConfigError);
    expect(e.variable).toBe(variable);
    expect(e.message).toMatch(message);
  });
});

describe('the email variables and the contract', () => {
  it('reads exactly the email variables the contract gives Create, so infra and the local stack pass each one', () => {
    expect(Object.keys(emailConfigSchema.entries).sort()).toEqual(EMAIL_VARIABLES.map((variable) => variable.name).sort());
  });
});
