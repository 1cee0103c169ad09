import { SendEmailCommand, type SESClient } from '@aws-sdk/client-ses';
import type { SendCode } from '@cognito-passwordless/trigger-core';
import { createCodeEmailComposer } from './code-email-composer';
import type { EmailConfig } from './email-config.schema';
import { classifyDeliveryFailure } from './delivery-failure';
import { EmailDeliveryError } from './email-delivery-error';
import type { EmailTemplateOverrides } from './email-template-file';
import { SES_SEND_DEADLINE_MS } from './ses-client';

/** Races `work` against a deadline, so no retry or backoff outlives it. */
async function withDeadline<T>(work: (signal: AbortSignal) => Promise<T>, deadlineMs: number): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(Object.assign(new Error('deadline passed'), { name: 'TimeoutError' }));
    }, deadlineMs);
  });
  try {
    return await Promise.race([work(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The `sendCode` port, backed by SES `SendEmail` (a text and an HTML part in
 * the user's language). Resolves once SES accepted the message; otherwise
 * throws EmailDeliveryError within the deadline.
 */
export function createSesCodeSender(
  client: SESClient,
  config: EmailConfig,
  options: { readonly templates?: EmailTemplateOverrides; readonly deadlineMs?: number } = {},
): SendCode {
  const deadlineMs = options.deadlineMs ?? SES_SEND_DEADLINE_MS;
  const composeCodeEmail = createCodeEmailComposer(config, options.templates);
  return async (message) => {
    const email = composeCodeEmail(message);
    const command = new SendEmailCommand({
      Source: config.EMAIL_FROM,
      Destination: { ToAddresses: [message.to] },
      Message: {
        Subject: { Data: email.subject, Charset: 'UTF-8' },
        Body: { Text: { Data: email.text, Charset: 'UTF-8' }, Html: { Data: email.html, Charset: 'UTF-8' } },
      },
      ConfigurationSetName: config.SES_CONFIGURATION_SET,
    });
    try {
      await withDeadline((abortSignal) => client.send(command, { abortSignal }), deadlineMs);
    } catch (error) {
      const failure = classifyDeliveryFailure(error, deadlineMs);
      throw new EmailDeliveryError(`Could not send the sign-in email: ${failure.detail}.`, failure.reason, { cause: error });
    }
  };
}
