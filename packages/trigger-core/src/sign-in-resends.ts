import { RESEND_METADATA_KEY, RESEND_METADATA_VALUE } from '@cognito-passwordless/contract';
import { ownField } from './event-fields';

/**
 * Resend requests within one sign-in. Cognito shows a trigger the client
 * metadata of the current round only, so each round's `challengeMetadata`
 * (written by Create, shown back by Cognito in the session) carries how many
 * earlier rounds were answered with a resend request: `<token>` when none,
 * `<token>.r<n>` otherwise. Define reads it to tell resends from wrong answers.
 */

/**
 * Resend requests one sign-in may make, granted or told to wait; the next one
 * fails the sign-in. It bounds the session's length (see session-history.ts);
 * MAX_CODES_PER_HOUR and RESEND_COOLDOWN_SECONDS bound the emails.
 */
export const MAX_RESENDS_PER_SIGN_IN = 10;

/** Whether this round was answered with `{"action": "resend"}` in its client metadata. */
export const isResendRequest = (request: unknown): boolean =>
  ownField(ownField(request, 'clientMetadata'), RESEND_METADATA_KEY) === RESEND_METADATA_VALUE;

const RESEND_COUNT = /\.r([1-9][0-9]?)$/;

/** The resend requests made before the round whose metadata this is (0 when it names none). */
export function resendsBefore(challengeMetadata: string | null | undefined): number {
  const match = RESEND_COUNT.exec(challengeMetadata ?? '');
  return match ? Number(match[1]) : 0;
}

/** The round's metadata: the challenge token, then the resend count when there is one. */
export const withResendCount = (token: string, resends: number): string => (resends > 0 ? `${token}.r${resends}` : token);

/** The token part of a round's metadata. */
export const withoutResendCount = (challengeMetadata: string | null | undefined): string | null | undefined =>
  challengeMetadata?.replace(RESEND_COUNT, '');
