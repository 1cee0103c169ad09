import { SHIPPED_EMAIL_LOCALES } from '@cognito-passwordless/contract';
import { isAbsolute, join } from 'node:path';
import type { EnvironmentConfig } from '../config/environment-config.schema.js';
import { InfraConfigError } from '../errors.js';
import type { ZipEntry } from '../lambda/deterministic-zip.js';
import { loadEmailTemplates } from './load-email-templates.js';

/**
 * The files the Create function's zip holds besides its bundle: the
 * environment's email templates, checked at synth. Also checks what the
 * function would refuse at cold start: a default locale without templates,
 * or `{{appName}}` without an app name.
 */
export function createFunctionFiles(config: EnvironmentConfig, templateRoot: string | undefined): ZipEntry[] {
  const { email, environment } = config;
  let files: ZipEntry[] = [];
  let locales: string[] = [...SHIPPED_EMAIL_LOCALES];
  if (email.templates !== undefined) {
    if (templateRoot === undefined && !isAbsolute(email.templates)) {
      throw new InfraConfigError(environment, 'email.templates', 'email.templates is relative, but the app was given no emailTemplateRoot to resolve it from');
    }
    const templates = loadEmailTemplates(templateRoot === undefined ? email.templates : join(templateRoot, email.templates));
    files = [templates.file];
    locales = [...locales, ...templates.locales];
    if (email.appName === undefined && templates.file.data.includes('{{appName}}')) {
      throw new InfraConfigError(environment, 'email.appName', `Invalid configuration for environment "${environment}": email.appName: is required, the email templates use {{appName}}`);
    }
  }
  const lower = locales.map((locale) => locale.toLowerCase());
  if (!lower.includes(email.defaultLocale.toLowerCase())) {
    throw new InfraConfigError(
      environment,
      'email.defaultLocale',
      `Invalid configuration for environment "${environment}": email.defaultLocale: "${email.defaultLocale}" has no templates; use one of ${locales.join(', ')}`,
    );
  }
  return files;
}
