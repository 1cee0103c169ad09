import { readUserLocale } from '../src/user-locale';

const withLocale = (locale: unknown) => ({ userAttributes: { email: 'jane.doe@example.com', locale } });

describe('the user locale handed to the sender', () => {
  it.each(['de', 'en-GB', 'pt-BR', 'zh-Hant-TW', 'ja'])('passes the language tag %s on', (tag) => {
    expect(readUserLocale(withLocale(tag))).toBe(tag);
  });

  it.each(['', 'e', 'english please', 'de_DE', '<b>de</b>', 'de-DE\r\nBcc: x@example.com', 'a-b-c-d-e-f-g', 42])(
    'drops %j, which is not a language tag',
    (value) => {
      expect(readUserLocale(withLocale(value))).toBeUndefined();
    },
  );

  it('is undefined when the user has no locale', () => {
    expect(readUserLocale({ userAttributes: { email: 'jane.doe@example.com' } })).toBeUndefined();
  });
});
