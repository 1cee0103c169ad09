import { maskEmail, VERIFICATION_EMAIL_SUBJECT } from '@cognito-passwordless/contract';
import { createHmac } from 'node:crypto';
import { verificationEmailMessage } from '../adapters/verification-mailer';
import { CodeDeliveryFailureException } from '../errors';
import type { UserRecord } from '../state/user-store';
import type { UserPool } from './user-pool';

export interface CodeDeliveryDetails {
  readonly Destination: string;
  readonly DeliveryMedium: 'EMAIL';
  readonly AttributeName: 'email';
}

/** Emails `code` to the user and says where it went, masked. */
export async function sendCode(pool: UserPool, user: UserRecord, code: string): Promise<CodeDeliveryDetails> {
  const address = await deliver(pool, user, VERIFICATION_EMAIL_SUBJECT, verificationEmailMessage(code));
  return delivery(address);
}

/** Sends one of the pool's own emails to the user's address, and returns the address. */
export async function deliver(pool: UserPool, user: UserRecord, subject: string, text: string): Promise<string> {
  // Every stored user has one: sign-up and AdminCreateUser refuse a user without (state/user-attributes.ts).
  const to = user.attributes['email'] ?? '';
  try {
    await pool.mailer.send({ to, subject, text });
  } catch (cause) {
    throw new CodeDeliveryFailureException('Unable to deliver the message to the user.', { cause });
  }
  return to;
}

/** What an unknown user is told: a plausible masked address, the same each time, and nothing sent. */
export function decoyDelivery(pool: UserPool, username: string): CodeDeliveryDetails {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const [first = 0, second = 0] = createHmac('sha256', pool.settings.secret).update(`mask:${username.toLowerCase()}`).digest();
  return delivery(`${letters.charAt(first % 26)}@${letters.charAt(second % 26)}.com`);
}

function delivery(email: string): CodeDeliveryDetails {
  return { Destination: maskEmail(email), DeliveryMedium: 'EMAIL', AttributeName: 'email' };
}
