import {
  EMAIL_LOCALE_TAG,
  EMAIL_TEMPLATE_PARTS,
  EMAIL_TEMPLATES_FILE,
  emailTemplateProblems,
  MAX_EMAIL_TEMPLATE_LOCALES,
  type EmailTemplatePart,
  type EmailTemplateTexts,
} from '@cognito-passwordless/contract';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EmailTemplateFileError } from '../errors.js';
import type { ZipEntry } from '../lambda/deterministic-zip.js';
import { htmlTemplateProblems } from './html-template-check.js';

export interface EmailTemplates {
  /** The locales the folder defines, as written in the file names. */
  readonly locales: readonly string[];
  /** `email-templates.json`, to sit next to `index.mjs` in the Create function's zip. */
  readonly file: ZipEntry;
}

const PARTS = Object.entries(EMAIL_TEMPLATE_PARTS) as [EmailTemplatePart, string][];
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** `de.subject.txt` → locale `de`, part `subject`. */
function partOf(fileName: string): { locale: string; part: EmailTemplatePart } | undefined {
  for (const [part, suffix] of PARTS) {
    if (fileName.endsWith(`.${suffix}`)) {
      const locale = fileName.slice(0, -suffix.length - 1);
      // `de.subject.txt` also ends in `.txt`: the subject is tried first, and a locale never holds a dot.
      if (EMAIL_LOCALE_TAG.test(locale)) return { locale, part };
    }
  }
  return undefined;
}

function readPart(file: string, part: EmailTemplatePart): string {
  let text: string;
  try {
    text = utf8.decode(readFileSync(file));
  } catch {
    throw new EmailTemplateFileError(file, ['is not UTF-8 text']);
  }
  // Editors end files with a newline; a subject is one line without it.
  const value = part === 'subject' ? text.replace(/\r?\n$/, '') : text;
  const problems = [...emailTemplateProblems(part, value), ...(part === 'html' ? htmlTemplateProblems(value) : [])];
  if (problems.length > 0) throw new EmailTemplateFileError(file, problems);
  return value;
}

/**
 * Reads and checks an environment's template folder: for each locale,
 * `<locale>.subject.txt`, `<locale>.txt` and `<locale>.html`, nothing else.
 *
 * @throws EmailTemplateFileError naming the file and every problem in it.
 */
export function loadEmailTemplates(folder: string): EmailTemplates {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new EmailTemplateFileError(folder, ['is not a folder']);
  const byLocale = new Map<string, { locale: string; parts: Partial<Record<EmailTemplatePart, string>> }>();
  for (const name of readdirSync(folder).sort()) {
    const file = join(folder, name);
    const found = partOf(name);
    if (found === undefined) {
      throw new EmailTemplateFileError(file, ['is not <locale>.subject.txt, <locale>.txt or <locale>.html (locale: a language tag such as de or pt-BR)']);
    }
    const key = found.locale.toLowerCase();
    const entry = byLocale.get(key) ?? { locale: found.locale, parts: {} };
    if (entry.locale !== found.locale) throw new EmailTemplateFileError(file, [`locale ${found.locale} is also written ${entry.locale}: use one spelling`]);
    entry.parts[found.part] = readPart(file, found.part);
    byLocale.set(key, entry);
  }
  if (byLocale.size === 0) throw new EmailTemplateFileError(folder, ['holds no templates']);
  if (byLocale.size > MAX_EMAIL_TEMPLATE_LOCALES) {
    throw new EmailTemplateFileError(folder, [`holds ${byLocale.size} locales: at most ${MAX_EMAIL_TEMPLATE_LOCALES}`]);
  }
  const templates: Record<string, EmailTemplateTexts> = {};
  for (const { locale, parts } of byLocale.values()) {
    const { subject, text, html } = parts;
    if (subject === undefined || text === undefined || html === undefined) {
      const missing = PARTS.filter(([part]) => parts[part] === undefined).map(([, suffix]) => `${locale}.${suffix}`);
      throw new EmailTemplateFileError(folder, [`locale ${locale} misses ${missing.join(', ')}`]);
    }
    templates[locale] = { subject, text, html };
  }
  return {
    locales: [...byLocale.values()].map((entry) => entry.locale),
    file: { name: EMAIL_TEMPLATES_FILE, data: Buffer.from(JSON.stringify(templates), 'utf8') },
  };
}
