import { isPlainEmailAddress, logIdentity, maskEmail } from '../src';

describe('isPlainEmailAddress', () => {
  it.each(['jane@example.com', 'jane.doe+signin@mail.example.co.uk', "o'brien@example.ie"])('accepts %s', (address) => {
    expect(isPlainEmailAddress(address)).toBe(true);
  });

  it.each([
    'jane@example.com\r\n',
    'jane@example.com\nBcc: eve@example.com',
    'jane@example.com,eve@example.com',
    'jane@example.com;eve@example.com',
    'Jane <jane@example.com>',
    'jane@localhost',
    'jane',
    '@example.com',
    'jane@exa mple.com',
    'jäne@example.com',
    `${'a'.repeat(250)}@example.com`,
    '',
  ])('refuses %j', (address) => {
    expect(isPlainEmailAddress(address)).toBe(false);
  });
});

describe('maskEmail', () => {
  it('keeps the first letters and the top-level domain', () => {
    expect(maskEmail('john@example.com')).toBe('j***@e***.com');
    expect(maskEmail('jane.doe@mail.example.co.uk')).toBe('j***@m***.uk');
  });

  it('keeps only the first character of anything else', () => {
    expect(maskEmail('jdoe')).toBe('j***');
    expect(maskEmail('')).toBe('');
  });
});

describe('logIdentity', () => {
  it('prefers the sub', () => {
    expect(logIdentity({ userName: 'jane@example.com', request: { userAttributes: { sub: 'abc-123' } } })).toBe('abc-123');
  });

  it('masks the user name when there is no sub', () => {
    expect(logIdentity({ userName: 'jane@example.com', request: { userAttributes: {} } })).toBe('j***@e***.com');
  });

  it('ignores a sub that could carry anything else', () => {
    expect(logIdentity({ userName: 'jane@example.com', request: { userAttributes: { sub: 'x@example.com' } } })).toBe('j***@e***.com');
    expect(logIdentity(null)).toBe('unknown');
  });
});
