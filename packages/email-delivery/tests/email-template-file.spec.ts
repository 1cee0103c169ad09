import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmailTemplateError, parseEmailTemplateFile, readEmailTemplateFile } from '../src';

const de = { subject: 'Ihr Code', text: 'Code {{code}}, {{minutes}} Minuten', html: '<p>{{code}} {{minutes}}</p>' };
const problem = (value: unknown) => {
  try {
    parseEmailTemplateFile(JSON.stringify(value));
  } catch (error) {
    expect(error).toBeInstanceOf(EmailTemplateError);
    return (error as Error).message;
  }
  throw new Error('expected an EmailTemplateError');
};

describe('the email template file', () => {
  it('reads each locale under its lower-case tag', () => {
    expect([...parseEmailTemplateFile(JSON.stringify({ 'pt-BR': de }))]).toEqual([['pt-br', de]]);
  });

  it.each([
    [[], 'email-templates.json must be an object of locales'],
    [{ 'not a tag': de }, 'email-templates.json (not a tag) is not a language tag such as "de" or "pt-BR"'],
    [{ de, DE: de }, 'email-templates.json (DE) is given twice'],
    [{ de: { ...de, html: undefined } }, 'email-templates.json (de) has no html template'],
    [{ de: { ...de, text: 'Code {{code}}' } }, 'email-templates.json (de.txt) misses {{minutes}}'],
    [{ de: { ...de, subject: 'Code {{code}}' } }, 'email-templates.json (de.subject.txt) must not hold {{code}}'],
    [{ de: { ...de, html: '<p>{{code}} {{minutes}} {{email}}</p>' } }, 'email-templates.json (de.html) has an unknown placeholder {{email}}'],
    [Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`l${String.fromCharCode(97 + i)}`, de])), 'email-templates.json has 17 locales: at most 16'],
  ])('refuses %j: %s', (value, message) => {
    expect(problem(value)).toContain(message);
  });

  it('refuses text that is not JSON', () => {
    expect(() => parseEmailTemplateFile('{')).toThrow('email-templates.json is not valid JSON');
  });

  it('is read from the function\'s folder, and is optional', () => {
    const folder = mkdtempSync(join(tmpdir(), 'templates-'));
    try {
      expect(readEmailTemplateFile(folder).size).toBe(0);
      expect(readEmailTemplateFile(undefined).size).toBe(0);
      writeFileSync(join(folder, 'email-templates.json'), JSON.stringify({ de }));
      expect(readEmailTemplateFile(folder).get('de')).toEqual(de);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
