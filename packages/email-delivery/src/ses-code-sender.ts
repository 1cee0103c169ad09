import { SendEmailCommand, type SESClient } from '@aws-sdk/client-ses';
import type { SendCode } from '@cognito-passwordless/trigger-core';
import { composeCodeEmail } from './code-email';
import type { EmailConfig } from './email-config.schema';
import { EmailDeliveryError } from './email-delivery-error';
import { SES_SEND_DEADLINE_MS } from './ses-client';

/** A Node.js system error code (ECONNREFUSED, ...) on the error or the errors it wraps. */
function findSystemCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  // The SDK wraps a non-Error throwable (a socket error from another realm) and keeps only its message.
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? /\b(E(?:CONN[A-Z]+|NOTFOUND|HOSTUNREACH|NETUNREACH|AI_AGAIN|PIPE|TIMEDOUT))\b/.exec(message)?.[1] : undefined;
}

/** What went wrong, in words that never quote SES's message (it may name the recipient). */
function describeFailure(error: unknown, deadlineMs: number): string {
  const { name, code, $metadata } = (error ?? {}) as { name?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  if (name === 'AbortError' || name === 'TimeoutError' || code === 'ETIMEDOUT') {
    return `SES did not answer within ${deadlineMs} ms`;
  }
  if (typeof $metadata?.httpStatusCode === 'number') {
    return `SES answered HTTP ${$metadata.httpStatusCode} (${name ?? 'unknown error'})`;
  }
  const systemCode = findSystemCode(error);
  if (systemCode) return `could not reach SES (${systemCode})`;
  return `SES call failed (${typeof name === 'string' ? name.slice(0, 60) : 'unknown error'})`;
}

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
 * The `sendCode` port, backed by SES `SendEmail`. Resolves once SES accepted
 * the message; otherwise throws EmailDeliveryError within the deadline.
 */
export function createSesCodeSender(
  client: SESClient,
  config: EmailConfig,
  deadlineMs: number = SES_SEND_DEADLINE_MS,
): SendCode {
  return async (message) => {
    const email = composeCodeEmail(message, config.EMAIL_SUBJECT);
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
      throw new EmailDeliveryError(`Could not send the sign-in email: ${describeFailure(error, deadlineMs)}.`, {
        cause: error,
      });
    }
  };
}
