/**
 * The code email's templates, as infra writes them into the Create
 * function's zip and the function reads them back at cold start.
 */

/** The locales every Create function ships built in. */
export const SHIPPED_EMAIL_LOCALES = ['en', 'de', 'fr', 'es', 'ja'] as const;

/** The file next to `index.mjs` in the Create function's zip that holds an environment's template overrides. */
export const EMAIL_TEMPLATES_FILE = 'email-templates.json';

/** The parts of one locale's email, each the suffix of its file: `<locale>.subject.txt`, `<locale>.txt`, `<locale>.html`. */
export const EMAIL_TEMPLATE_PARTS = { subject: 'subject.txt', text: 'txt', html: 'html' } as const;
export type EmailTemplatePart = keyof typeof EMAIL_TEMPLATE_PARTS;

/** One locale's templates, each a string with `{{placeholder}}`s. */
export type EmailTemplateTexts = Readonly<Record<EmailTemplatePart, string>>;

/** The only values an email holds: the code, the whole minutes it is valid, the configured app name. */
export const EMAIL_TEMPLATE_PLACEHOLDERS = ['code', 'minutes', 'appName'] as const;
export type EmailTemplatePlaceholder = (typeof EMAIL_TEMPLATE_PLACEHOLDERS)[number];

/** Placeholders each part must hold at least once. */
export const REQUIRED_PLACEHOLDERS: Readonly<Record<EmailTemplatePart, readonly EmailTemplatePlaceholder[]>> = {
  subject: [],
  text: ['code', 'minutes'],
  html: ['code', 'minutes'],
};

/**
 * Placeholders a part must not hold. SES event publishing and many mail
 * clients' notifications show the subject, so the code never goes there.
 */
export const FORBIDDEN_PLACEHOLDERS: Readonly<Record<EmailTemplatePart, readonly EmailTemplatePlaceholder[]>> = {
  subject: ['code'],
  text: [],
  html: [],
};

/**
 * Size limits, in UTF-8 bytes of the template: a subject is one header line;
 * Gmail clips an HTML body past about 100 KB and the whole file is read at
 * every cold start, so a template stays far below.
 */
export const EMAIL_TEMPLATE_MAX_BYTES: Readonly<Record<EmailTemplatePart, number>> = { subject: 200, text: 4_000, html: 16_000 };
/** At most this many locales per environment (the file is then at most about 320 KB). */
export const MAX_EMAIL_TEMPLATE_LOCALES = 16;

/** A locale as template files and `EMAIL_DEFAULT_LOCALE` name it: a BCP 47 language tag (`de`, `pt-BR`). */
export const EMAIL_LOCALE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,4}$/;

/** EMAIL_APP_NAME: one line of plain text (escaped where HTML shows it). */
export const MAX_APP_NAME_LENGTH = 60;
/** No control, format (bidirectional overrides, zero-width) or line separator characters. */
export const APP_NAME_CHARACTERS = /^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+$/u;

/** What is wrong with one template part, as phrases ("misses {{code}}"); empty when it is fine. */
export function emailTemplateProblems(part: EmailTemplatePart, template: string): string[] {
  const problems: string[] = [];
  const bytes = new TextEncoder().encode(template).length;
  if (bytes > EMAIL_TEMPLATE_MAX_BYTES[part]) problems.push(`is ${bytes} bytes: at most ${EMAIL_TEMPLATE_MAX_BYTES[part]}`);
  if (template.trim() === '') problems.push('is empty');
  if (part === 'subject' && /[\r\n]/.test(template)) problems.push('must be one line');
  const used = new Set<string>();
  for (const [, name = ''] of template.matchAll(/\{\{([^{}]*)\}\}/g)) {
    if ((EMAIL_TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name)) used.add(name);
    else problems.push(`has an unknown placeholder {{${name}}}: allowed are ${EMAIL_TEMPLATE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}`);
  }
  // A lone "}}" is harmless (CSS closes nested rules with it); a lone "{{" is a mistyped placeholder.
  if (/\{\{(?![^{}]*\}\})/.test(template)) problems.push('has a {{ that does not open a placeholder');
  for (const name of REQUIRED_PLACEHOLDERS[part]) if (!used.has(name)) problems.push(`misses {{${name}}}`);
  for (const name of FORBIDDEN_PLACEHOLDERS[part]) if (used.has(name)) problems.push(`must not hold {{${name}}}`);
  return problems;
}
