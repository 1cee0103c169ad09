export { EmailDeliveryError } from './email-delivery-error';
export { classifyDeliveryFailure } from './delivery-failure';
export type { DeliveryFailure, DeliveryFailureReason } from './delivery-failure';
export { emailConfigSchema, readEmailConfig } from './email-config.schema';
export type { EmailConfig } from './email-config.schema';
export { builtInTemplate } from './code-email';
export type { CodeEmail, CodeEmailTemplate, CodeEmailValues } from './code-email';
export { createCodeEmailComposer } from './code-email-composer';
export type { ComposeCodeEmail } from './code-email-composer';
export { resolveEmailLocale } from './email-locale';
export { EmailTemplateError } from './email-template-error';
export { overrideTemplate, parseEmailTemplateFile, readEmailTemplateFile } from './email-template-file';
export type { EmailTemplateOverrides } from './email-template-file';
export { escapeHtml } from './html-escape';
export { BUILT_IN_LOCALES } from './locales';
export type { LocalePhrases } from './locales';
export {
  createSesClient,
  SES_CONNECTION_TIMEOUT_MS,
  SES_MAX_ATTEMPTS,
  SES_REQUEST_TIMEOUT_MS,
  SES_SEND_DEADLINE_MS,
} from './ses-client';
export { createSesCodeSender } from './ses-code-sender';
