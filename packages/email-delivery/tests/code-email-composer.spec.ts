import { ConfigError } from '@cognito-passwordless/trigger-core';
import { createCodeEmailComposer, readEmailConfig, resolveEmailLocale } from '../src';
import { readHtml } from './html-document';

const config = (env: Record<string, string> = {}) => readEmailConfig({ EMAIL_FROM: 'sign-in@example.com', ...env });
const message = (locale?: string) => ({ code: '048213', validForSeconds: 300, locale });
const override = (word: string) => ({
  subject: `${word} subject`,
  text: `${word} {{code}} {{minutes}}`,
  html: `<!DOCTYPE html><html lang="x"><head><title>${word}</title></head><body><p>${word} {{code}} {{minutes}} {{appName}}</p></body></html>`,
});

describe('resolveEmailLocale', () => {
  const available = new Set(['en', 'de', 'pt-br', 'pt']);

  it.each([
    ['pt-BR', 'pt-br', 'the exact tag, whatever its case'],
    ['de-CH', 'de', 'the language when the tag has no template'],
    ['pt-PT', 'pt', 'the language of a tag with a sibling'],
    ['it-IT', 'en', 'the default when neither exists'],
    [undefined, 'en', 'the default when the user has no locale'],
  ])('picks for %s: %s (%s)', (tag, expected, _why) => {
    expect(resolveEmailLocale(tag, available, 'en')).toBe(expected);
  });
});

describe('createCodeEmailComposer', () => {
  it('writes in the user\'s language, falling back to the language, then the default', () => {
    const compose = createCodeEmailComposer(config({ EMAIL_DEFAULT_LOCALE: 'fr' }));

    expect(compose(message('de')).subject).toBe('Ihr Anmeldecode');
    expect(compose(message('es-MX')).subject).toBe('Tu código para iniciar sesión');
    expect(compose(message('it')).subject).toBe('Votre code de connexion');
    expect(compose(message(undefined)).subject).toBe('Votre code de connexion');
  });

  it('says the whole minutes the code is valid, rounded down', () => {
    const compose = createCodeEmailComposer(config());

    expect(compose({ ...message('en'), validForSeconds: 600 }).text).toContain('valid for 10 minutes');
    expect(compose({ ...message('en'), validForSeconds: 150 }).text).toContain('valid for 2 minutes');
    expect(compose({ ...message('en'), validForSeconds: 60 }).text).toContain('valid for 1 minute.');
  });

  it('uses EMAIL_SUBJECT for the default locale only', () => {
    const compose = createCodeEmailComposer(config({ EMAIL_SUBJECT: 'Your Acme code', EMAIL_DEFAULT_LOCALE: 'en' }));

    expect(compose(message(undefined)).subject).toBe('Your Acme code');
    expect(compose(message('en-GB')).subject).toBe('Your Acme code');
    expect(compose(message('ja')).subject).toBe('ログインコード');
  });

  it('names the app from EMAIL_APP_NAME', () => {
    expect(createCodeEmailComposer(config({ EMAIL_APP_NAME: 'Acme' }))(message('de')).subject).toBe('Ihr Anmeldecode für Acme');
  });

  it('lets an override replace a shipped locale and add a new one, matched like the built-ins', () => {
    const compose = createCodeEmailComposer(config({ EMAIL_APP_NAME: 'Acme' }), new Map([['de', override('Hallo')], ['it', override('Ciao')]]));

    expect(compose(message('de-AT')).text).toBe('Hallo 048213 5');
    expect(compose(message('it-IT')).subject).toBe('Ciao subject');
    expect(compose(message('fr')).subject).toBe('Votre code de connexion à Acme');
  });

  it('escapes every value in an override\'s HTML and fills each placeholder once', () => {
    const appName = `<img src=x onerror="alert(1)"> & {{code}}`;
    const compose = createCodeEmailComposer(config({ EMAIL_APP_NAME: appName }), new Map([['en', override('Hi')]]));

    const email = compose(message('en'));
    const html = readHtml(email.html);

    expect(html.tagNames).not.toContain('img');
    expect(email.html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; {{code}}');
    expect(html.bodyText).toBe(`Hi 048213 5 ${appName}`);
  });

  it('refuses a default locale that has no template, listing the ones there are', () => {
    const make = () => createCodeEmailComposer(config({ EMAIL_DEFAULT_LOCALE: 'it' }));

    expect(make).toThrow(ConfigError);
    expect(make).toThrow('EMAIL_DEFAULT_LOCALE is "it": must be one of the email locales (en, de, fr, es, ja)');
    expect(createCodeEmailComposer(config({ EMAIL_DEFAULT_LOCALE: 'IT', EMAIL_APP_NAME: 'A' }), new Map([['it', override('Ciao')]]))(message()).subject).toBe('Ciao subject');
  });

  it('refuses an override that uses {{appName}} when EMAIL_APP_NAME is unset', () => {
    expect(() => createCodeEmailComposer(config(), new Map([['it', override('Ciao')]]))).toThrow(
      expect.objectContaining({ name: 'ConfigError', variable: 'EMAIL_APP_NAME', message: 'EMAIL_APP_NAME is required: the it email template uses {{appName}}' }),
    );
  });
});
