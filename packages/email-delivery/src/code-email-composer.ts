import { SHIPPED_EMAIL_LOCALES } from '@cognito-passwordless/contract';
import { ConfigError, type CodeMessage } from '@cognito-passwordless/trigger-core';
import { builtInTemplate, type CodeEmail, type CodeEmailTemplate } from './code-email';
import type { EmailConfig } from './email-config.schema';
import { resolveEmailLocale } from './email-locale';
import type { EmailTemplateOverrides } from './email-template-file';
import { overrideTemplate } from './email-template-file';
import { BUILT_IN_LOCALES } from './locales';

export type ComposeCodeEmail = (message: Pick<CodeMessage, 'code' | 'validForSeconds' | 'locale'>) => CodeEmail;

/**
 * The code email in the user's language: the built-in locales, replaced or
 * extended by the environment's overrides. Checks once, at cold start, that
 * the default locale exists and that every template has the values it uses.
 */
export function createCodeEmailComposer(config: EmailConfig, overrides: EmailTemplateOverrides = new Map()): ComposeCodeEmail {
  const templates = new Map<string, CodeEmailTemplate>(SHIPPED_EMAIL_LOCALES.map((locale) => [locale, builtInTemplate(locale, BUILT_IN_LOCALES[locale])]));
  for (const [locale, texts] of overrides) {
    if (config.EMAIL_APP_NAME === undefined && Object.values(texts).some((part) => part.includes('{{appName}}'))) {
      throw new ConfigError('EMAIL_APP_NAME', `is required: the ${locale} email template uses {{appName}}`);
    }
    templates.set(locale, overrideTemplate(texts));
  }
  const defaultLocale = config.EMAIL_DEFAULT_LOCALE.toLowerCase();
  const defaultTemplate = templates.get(defaultLocale);
  if (defaultTemplate === undefined) {
    throw new ConfigError('EMAIL_DEFAULT_LOCALE', `is "${config.EMAIL_DEFAULT_LOCALE}": must be one of the email locales (${[...templates.keys()].join(', ')})`);
  }
  const available = new Set(templates.keys());
  return ({ code, validForSeconds, locale }) => {
    const chosen = resolveEmailLocale(locale, available, defaultLocale);
    // Rounded down: the email never promises more time than the code has.
    const minutes = Math.max(1, Math.floor(validForSeconds / 60));
    const email = (templates.get(chosen) ?? defaultTemplate)({ code, minutes, appName: config.EMAIL_APP_NAME });
    return chosen === defaultLocale && config.EMAIL_SUBJECT !== undefined ? { ...email, subject: config.EMAIL_SUBJECT } : email;
  };
}
