import {
  EMAIL_LOCALE_TAG,
  EMAIL_TEMPLATE_PARTS,
  EMAIL_TEMPLATES_FILE,
  emailTemplateProblems,
  MAX_EMAIL_TEMPLATE_LOCALES,
  type EmailTemplatePart,
  type EmailTemplateTexts,
} from '@cognito-passwordless/contract';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeEmailTemplate, CodeEmailValues } from './code-email';
import { EmailTemplateError } from './email-template-error';
import { escapeHtml } from './html-escape';

/** Template overrides by lower-case locale. */
export type EmailTemplateOverrides = ReadonlyMap<string, EmailTemplateTexts>;

const PARTS = Object.keys(EMAIL_TEMPLATE_PARTS) as EmailTemplatePart[];

/**
 * Checks the overrides file infra writes next to `index.mjs`
 * (`{"<locale>": {"subject", "text", "html"}}`) against the same rules the
 * synth applied, so a hand-edited zip fails at cold start, not in an email.
 */
export function parseEmailTemplateFile(json: string): EmailTemplateOverrides {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new EmailTemplateError(EMAIL_TEMPLATES_FILE, 'is not valid JSON', { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new EmailTemplateError(EMAIL_TEMPLATES_FILE, 'must be an object of locales');
  }
  const entries = Object.entries(parsed);
  if (entries.length > MAX_EMAIL_TEMPLATE_LOCALES) {
    throw new EmailTemplateError(EMAIL_TEMPLATES_FILE, `has ${entries.length} locales: at most ${MAX_EMAIL_TEMPLATE_LOCALES}`);
  }
  const overrides = new Map<string, EmailTemplateTexts>();
  for (const [locale, texts] of entries) {
    const where = `${EMAIL_TEMPLATES_FILE} (${locale})`;
    if (!EMAIL_LOCALE_TAG.test(locale)) throw new EmailTemplateError(where, 'is not a language tag such as "de" or "pt-BR"');
    if (overrides.has(locale.toLowerCase())) throw new EmailTemplateError(where, 'is given twice');
    if (typeof texts !== 'object' || texts === null) throw new EmailTemplateError(where, 'must hold subject, text and html');
    for (const part of PARTS) {
      const value = (texts as Record<string, unknown>)[part];
      if (typeof value !== 'string') throw new EmailTemplateError(where, `has no ${part} template`);
      const problems = emailTemplateProblems(part, value);
      if (problems.length > 0) throw new EmailTemplateError(`${EMAIL_TEMPLATES_FILE} (${locale}.${EMAIL_TEMPLATE_PARTS[part]})`, problems.join('; '));
    }
    const { subject, text, html } = texts as EmailTemplateTexts;
    overrides.set(locale.toLowerCase(), { subject, text, html });
  }
  return overrides;
}

/** The overrides in `<folder>/email-templates.json`; none when the folder is unknown or holds no such file. */
export function readEmailTemplateFile(folder: string | undefined): EmailTemplateOverrides {
  const file = folder === undefined || folder === '' ? undefined : join(folder, EMAIL_TEMPLATES_FILE);
  return file !== undefined && existsSync(file) ? parseEmailTemplateFile(readFileSync(file, 'utf8')) : new Map();
}

const fill = (template: string, values: CodeEmailValues, encode: (value: string) => string) =>
  // One pass: a value that looks like a placeholder is not filled in again.
  template.replace(/\{\{(code|minutes|appName)\}\}/g, (_, name: keyof CodeEmailValues) => encode(String(values[name] ?? '')));

/** An override as a template: every value HTML-escaped in the HTML part. */
export const overrideTemplate =
  (texts: EmailTemplateTexts): CodeEmailTemplate =>
  (values) => ({
    subject: fill(texts.subject, values, String),
    text: fill(texts.text, values, String),
    html: fill(texts.html, values, escapeHtml),
  });
