import { SHIPPED_EMAIL_LOCALES } from '@cognito-passwordless/contract';
import { builtInTemplate, BUILT_IN_LOCALES } from '../src';
import { readHtml } from './html-document';

const CODE = '048213';
// Tools and tests find the code as the one 6–10 digit number in each part; no colour or size may look like one.

/** What each locale must say: the minutes as written in that language. */
const VALID_FOR_5_MINUTES = {
  en: 'valid for 5 minutes',
  de: '5 Minuten lang gültig',
  fr: 'valable 5\u00a0minutes',
  es: 'válido durante 5 minutos',
  ja: '有効期限は5分',
} as const;

describe.each(SHIPPED_EMAIL_LOCALES)('the built-in %s email', (locale) => {
  const render = (appName?: string) => builtInTemplate(locale, BUILT_IN_LOCALES[locale])({ code: CODE, minutes: 5, appName });

  it('holds the code once in each part, never in the subject, and says how long it is valid', () => {
    const email = render('Acme');

    expect(email.subject).not.toContain(CODE);
    expect(email.text.match(/\d{6}/g)).toEqual([CODE]);
    expect(email.html.match(/\b\d{6,10}\b/g)).toEqual([CODE]);
    expect(email.text).toContain(VALID_FOR_5_MINUTES[locale]);
    expect(readHtml(email.html).bodyText).toContain(VALID_FOR_5_MINUTES[locale]);
  });

  it('is an HTML document that parses cleanly, in its language, with a title and the code in a monospace block', () => {
    const html = readHtml(render('Acme').html);

    expect(html.errors).toEqual([]);
    expect(html.lang).toBe(locale);
    expect(html.title).toContain('Acme');
    expect(html.monospaceText).toEqual([CODE]);
  });

  it('has no images, scripts, external styles, links or event handlers', () => {
    const html = readHtml(render('Acme').html);

    for (const tag of ['img', 'script', 'link', 'style', 'iframe', 'form', 'a']) expect(html.tagNames).not.toContain(tag);
    expect([...html.attributeNames].filter((name) => name.startsWith('on') || name === 'src' || name === 'href')).toEqual([]);
  });

  it('names the app in the subject and heading when there is one, and reads well without', () => {
    const named = render('Acme');
    const unnamed = render(undefined);

    expect(named.subject).toContain('Acme');
    expect(named.text.split('\n')[0]).toContain('Acme');
    expect(unnamed.subject).not.toMatch(/undefined|Acme/);
    expect(unnamed.text).not.toContain('undefined');
    expect(unnamed.subject.length).toBeGreaterThan(0);
  });

  it('renders exactly as reviewed', () => {
    expect(render('Acme')).toMatchSnapshot();
  });
});

describe('the built-in wording', () => {
  it('says "1 minute" in the singular', () => {
    const one = (locale: keyof typeof BUILT_IN_LOCALES) => BUILT_IN_LOCALES[locale].validFor(1);
    expect([one('en'), one('de'), one('fr'), one('es'), one('ja')]).toEqual([
      'It is valid for 1 minute.',
      'Der Code ist 1 Minute lang gültig.',
      'Il est valable 1\u00a0minute.',
      'Es válido durante 1 minuto.',
      'このコードの有効期限は1分です。',
    ]);
  });

  it('escapes the app name in the HTML part, and keeps it as typed in the text part and subject', () => {
    const appName = `<script>alert("x")</script> & 'Co'`;
    const email = builtInTemplate('en', BUILT_IN_LOCALES.en)({ code: CODE, minutes: 5, appName });
    const html = readHtml(email.html);

    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;');
    expect(html.tagNames).not.toContain('script');
    expect(html.title).toBe(`Sign in to ${appName}`);
    expect(email.text.split('\n')[0]).toBe(`Sign in to ${appName}`);
  });
});
