import { isDomainName, isPlainEmailAddress, maskEmail, MAX_SENDER_LENGTH, senderAddressOf } from '../src';

describe('isPlainEmailAddress', () => {
  it.each(['jane@example.com', 'jane.doe+signin@mail.example.co.uk', "o'brien@example.ie", `${'a'.repeat(64)}@example.com`])(
    'accepts %s',
    (address) => {
      expect(isPlainEmailAddress(address)).toBe(true);
    },
  );

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
    'jane@-example.com',
    `${'a'.repeat(65)}@example.com`,
    `${'a'.repeat(250)}@example.com`,
    `jane@${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`,
    '',
  ])('refuses %j', (address) => {
    expect(isPlainEmailAddress(address)).toBe(false);
  });

  it('refuses what is not a string', () => {
    expect(isPlainEmailAddress(undefined)).toBe(false);
    expect(isPlainEmailAddress(['jane@example.com'])).toBe(false);
  });

  it('refuses long hostile input by its length before the pattern runs', () => {
    expect(isPlainEmailAddress(`${'a'.repeat(64)}@${'a-'.repeat(5_000)}`)).toBe(false);
    expect(isDomainName('a-'.repeat(100_000))).toBe(false);
  });
});

describe('isDomainName', () => {
  it.each(['example.com', 'mail.example.co.uk', 'a1-b2.example'])('accepts %s', (domain) => {
    expect(isDomainName(domain)).toBe(true);
  });

  it.each(['localhost', 'example..com', '-example.com', 'example-.com', 'exa mple.com', 'jane@example.com', `${'a'.repeat(64)}.com`, ''])(
    'refuses %j',
    (domain) => {
      expect(isDomainName(domain)).toBe(false);
    },
  );
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

describe('senderAddressOf', () => {
  it('reads the address of a bare address or of "Name <address>"', () => {
    expect(senderAddressOf('sign-in@example.com')).toBe('sign-in@example.com');
    expect(senderAddressOf('Acme Sign-in <sign-in@acme.example>')).toBe('sign-in@acme.example');
  });

  it.each([
    'not an address',
    'a@example.com, b@example.com',
    'Name <a@example.com>\r\nBcc: x@example.com',
    '"Quoted" <a@example.com>',
    'NoSpace<a@example.com>',
    `${'N'.repeat(65)} <a@example.com>`,
    'Name <a@example.com, b@example.com>',
    `Name <${'a'.repeat(64)}@${'b'.repeat(250)}.com>`,
  ])('refuses %j, as the Create trigger would', (value) => {
    expect(senderAddressOf(value)).toBeUndefined();
  });

  it('refuses what is not a string, or longer than SES takes', () => {
    expect(senderAddressOf(undefined)).toBeUndefined();
    expect(senderAddressOf(`${'N'.repeat(MAX_SENDER_LENGTH)} <a@example.com>`)).toBeUndefined();
  });
});
