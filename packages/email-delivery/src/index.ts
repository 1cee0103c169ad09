export { EmailDeliveryError } from './email-delivery-error';
export { classifyDeliveryFailure } from './delivery-failure';
export type { DeliveryFailure, DeliveryFailureReason } from './delivery-failure';
export { emailConfigSchema, readEmailConfig } from './email-config.schema';
export type { EmailConfig } from './email-config.schema';
export { composeCodeEmail } from './code-email';
export type { CodeEmail } from './code-email';
export {
  createSesClient,
  SES_CONNECTION_TIMEOUT_MS,
  SES_MAX_ATTEMPTS,
  SES_REQUEST_TIMEOUT_MS,
  SES_SEND_DEADLINE_MS,
} from './ses-client';
export { createSesCodeSender } from './ses-code-sender';
