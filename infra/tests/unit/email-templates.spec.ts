import { BUILT_IN_LOCALES, builtInTemplate } from '@cognito-passwordless/email-delivery';
import { SHIPPED_EMAIL_LOCALES } from '@cognito-passwordless/contract';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseEnvironmentConfig } from '../../src/config/parse-environment-config.js';
import { createFunctionFiles } from '../../src/email-templates/create-function-files.js';
import { htmlTemplateProblems } from '../../src/email-templates/html-template-check.js';
import { loadEmailTemplates } from '../../src/email-templates/load-email-templates.js';
import { EmailTemplateFileError, InfraConfigError } from '../../src/errors.js';
import { archiveBundle } from '../../src/lambda/bundle-archive.js';
import { devInput, inputWith, placeholderBundles } from '../helpers/fixtures.js';
import { readZip } from '../helpers/read-zip.js';

const HTML = (body: string, head = '<title>Anmelden</title>') =>
  `<!DOCTYPE html>\n<html lang="de">\n<head><meta charset="utf-8">${head}</head>\n<body><p>${body}</p></body>\n</html>\n`;
const GOOD = {
  'de.subject.txt': 'Ihr Code für {{appName}}\n',
  'de.txt': 'Code: {{code}}, {{minutes}} Minuten gültig.\n',
  'de.html': HTML('Code: {{code}}, {{minutes}} Minuten gültig.'),
};

/** A scratch template folder holding `files`. */
function folderWith(files: Record<string, string | Buffer>): string {
  const folder = mkdtempSync(join(tmpdir(), 'email-templates-'));
  for (const [name, data] of Object.entries(files)) writeFileSync(join(folder, name), data);
  return folder;
}

/** The EmailTemplateFileError loading `files` ends with. */
function refusal(files: Record<string, string | Buffer>): EmailTemplateFileError {
  const folder = folderWith(files);
  try {
    loadEmailTemplates(folder);
  } catch (error) {
    expect(error).toBeInstanceOf(EmailTemplateFileError);
    return error as EmailTemplateFileError;
  }
  throw new Error('the templates were accepted');
}

describe('loadEmailTemplates', () => {
  it('turns a folder into email-templates.json, the subject without its final newline', () => {
    const templates = loadEmailTemplates(folderWith(GOOD));

    expect(templates.locales).toEqual(['de']);
    expect(templates.file.name).toBe('email-templates.json');
    expect(JSON.parse(templates.file.data.toString('utf8'))).toEqual({
      de: { subject: 'Ihr Code für {{appName}}', text: GOOD['de.txt'], html: GOOD['de.html'] },
    });
  });

  it('accepts the sample templates shipped for dev', () => {
    expect(loadEmailTemplates(resolve(__dirname, '../../email-templates/dev')).locales).toEqual(['it']);
  });

  it.each<[string, Record<string, string>, string, RegExp]>([
    ['a missing placeholder', { 'de.txt': 'Code: {{code}}' }, 'de.txt', /misses \{\{minutes\}\}/],
    ['an unknown placeholder', { 'de.html': HTML('{{code}} {{minutes}} {{username}}') }, 'de.html', /unknown placeholder \{\{username\}\}/],
    ['the code in the subject', { 'de.subject.txt': 'Code {{code}}' }, 'de.subject.txt', /must not hold \{\{code\}\}/],
    ['an unclosed element', { 'de.html': HTML('<b>{{code}} {{minutes}}') }, 'de.html', /<b> is not closed before <\/p>/],
    ['a stray end tag', { 'de.html': HTML('{{code}} {{minutes}}</span>') }, 'de.html', /<\/span> closes nothing/],
    ['a broken tag', { 'de.html': '<!DOCTYPE html><html lang="de"><head><title>x</title></head><body><p class="a>{{code}} {{minutes}}</p></body></html>' }, 'de.html', /eof-in-tag/],
    ['no lang', { 'de.html': HTML('{{code}} {{minutes}}').replace(' lang="de"', '') }, 'de.html', /needs a lang attribute/],
    ['no title', { 'de.html': HTML('{{code}} {{minutes}}', '') }, 'de.html', /non-empty <title>/],
    ['a remote image', { 'de.html': HTML('{{code}} {{minutes}}<img src="https://tracker.example/p.gif" alt="">') }, 'de.html', /remote resources/],
    ['a script', { 'de.html': HTML('{{code}} {{minutes}}', '<title>x</title><script>alert(1)</script>') }, 'de.html', /<script> is not allowed/],
    ['external CSS', { 'de.html': HTML('{{code}} {{minutes}}', '<title>x</title><link rel="stylesheet" href="https://cdn.example/a.css">') }, 'de.html', /<link> is not allowed/],
    ['a placeholder in an attribute', { 'de.html': HTML('<a href="https://example.com/{{appName}}">{{code}}</a> {{minutes}}') }, 'de.html', /placeholders go in text/],
    ['a body over its size limit', { 'de.txt': `{{code}} {{minutes}} ${'x'.repeat(4_000)}` }, 'de.txt', /is 4021 bytes: at most 4000/],
  ])('refuses %s, naming the file', (_case, change, file, problem) => {
    const error = refusal({ ...GOOD, ...change });

    expect(error.file.endsWith(file)).toBe(true);
    expect(error.message).toMatch(problem);
    expect(error.message).toContain(file);
  });

  it('refuses a file it does not know, a locale without all three parts, text that is not UTF-8 and an empty folder', () => {
    expect(refusal({ ...GOOD, 'de.htm': '' }).message).toMatch(/de\.htm: is not <locale>\.subject\.txt/);
    expect(refusal({ 'de.txt': GOOD['de.txt'], 'de.html': GOOD['de.html'] }).message).toMatch(/locale de misses de\.subject\.txt/);
    expect(refusal({ ...GOOD, 'de.txt': Buffer.from([0x7b, 0xff, 0xfe]) }).message).toMatch(/de\.txt: is not UTF-8 text/);
    expect(refusal({}).message).toMatch(/holds no templates/);
  });
});

describe('htmlTemplateProblems', () => {
  it.each(SHIPPED_EMAIL_LOCALES)('finds nothing wrong with the built-in %s email', (locale) => {
    const { html } = builtInTemplate(locale, BUILT_IN_LOCALES[locale])({ code: '048213', minutes: 5, appName: 'Acme' });

    expect(htmlTemplateProblems(html)).toEqual([]);
  });

  it('accepts a <style> block with a media query, read as CSS rather than markup', () => {
    const head = '<title>Anmelden</title><style>@media (max-width:480px){td{padding:8px!important}} p > b{color:#0f172a}</style>';

    expect(htmlTemplateProblems(HTML('{{code}} {{minutes}}', head))).toEqual([]);
    expect(htmlTemplateProblems(HTML('x', '<title>x</title><style>p{background:url(https://t.example/p.gif)}</style>'))).toEqual([
      '3:52 <style>: url(), image-set(), @import and backslash escapes are not allowed',
    ]);
    expect(htmlTemplateProblems(HTML('<span style="background:\\75 rl(https://t.example/p.gif)">{{code}}</span> {{minutes}}'))).toEqual([
      '4:10 <span style>: url(), image-set(), @import and backslash escapes are not allowed',
    ]);
  });

  it('refuses inline event handlers and javascript: links', () => {
    expect(htmlTemplateProblems(HTML('<a href="javascript:alert(1)" onclick="x()">x</a>'))).toEqual([
      '4:10 <a href>: javascript: URLs are not allowed',
      '4:10 <a onclick>: event handlers are not allowed',
    ]);
  });
});

describe('createFunctionFiles', () => {
  const root = resolve(__dirname, '../..');

  it('adds email-templates.json to the Create function for an environment with templates', () => {
    const files = createFunctionFiles(parseEnvironmentConfig(devInput()), root);

    expect(files.map((file) => file.name)).toEqual(['email-templates.json']);
    expect(Object.keys(JSON.parse(files[0]!.data.toString('utf8')))).toEqual(['it']);
  });

  it('adds nothing without templates', () => {
    expect(createFunctionFiles(parseEnvironmentConfig(inputWith(devInput(), 'email.templates', undefined)), root)).toEqual([]);
  });

  it('accepts a default locale the templates add, and refuses one nobody has', () => {
    expect(() => createFunctionFiles(parseEnvironmentConfig(inputWith(devInput(), 'email.defaultLocale', 'it')), root)).not.toThrow();

    const refused = () => createFunctionFiles(parseEnvironmentConfig(inputWith(devInput(), 'email.defaultLocale', 'nl')), root);
    expect(refused).toThrow(InfraConfigError);
    expect(refused).toThrow('email.defaultLocale: "nl" has no templates; use one of en, de, fr, es, ja, it');
  });

  it('needs email.appName when the templates use {{appName}}', () => {
    const config = parseEnvironmentConfig(inputWith(devInput(), 'email.appName', undefined));

    expect(() => createFunctionFiles(config, root)).toThrow(expect.objectContaining({ name: 'InfraConfigError', field: 'email.appName' }));
  });

  it('zips the templates next to index.mjs', () => {
    const bundles = placeholderBundles();
    const files = createFunctionFiles(parseEnvironmentConfig(devInput()), root);

    const archive = archiveBundle(join(bundles.lambdaBundleRoot, 'create-auth-challenge'), bundles.archiveCacheDir, 'create-auth-challenge', files);

    const entries = readZip(readFileSync(archive.path));
    expect(entries.map((entry) => entry.name)).toEqual(['email-templates.json', 'index.mjs']);
    expect(entries[0]!.data.equals(files[0]!.data)).toBe(true);
  });
});
