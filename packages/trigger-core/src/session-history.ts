import { MAX_CODE_ATTEMPTS } from '@cognito-passwordless/contract';
import * as v from 'valibot';
import { MAX_RESENDS_PER_SIGN_IN } from './sign-in-resends';

/** The challenge names a CUSTOM_AUTH session can hold. */
export const SRP_A = 'SRP_A';
export const PASSWORD_VERIFIER = 'PASSWORD_VERIFIER';
export const CUSTOM_CHALLENGE = 'CUSTOM_CHALLENGE';

/**
 * No valid session is longer than SRP_A + PASSWORD_VERIFIER + the custom
 * rounds: at most MAX_CODE_ATTEMPTS answers (10 at most) and
 * MAX_RESENDS_PER_SIGN_IN resend requests, 22 entries in all; anything longer
 * is refused before its entries are even read.
 */
export const MAX_SESSION_ENTRIES = 2 + MAX_CODE_ATTEMPTS.max + MAX_RESENDS_PER_SIGN_IN;

const sessionEntrySchema = v.object({
  challengeName: v.pipe(v.string(), v.maxLength(64)),
  // Cognito writes booleans; "true" or 1 is somebody else's event.
  challengeResult: v.boolean(),
  challengeMetadata: v.nullish(v.pipe(v.string(), v.maxLength(2048))),
});

const sessionSchema = v.pipe(v.array(sessionEntrySchema), v.maxLength(MAX_SESSION_ENTRIES));

export type SessionEntry = Readonly<v.InferOutput<typeof sessionEntrySchema>>;
export type SessionHistory = readonly SessionEntry[];

/**
 * Reads `request.session` into typed entries, or undefined when it is not an
 * array of well-formed entries no longer than any valid session.
 */
export function readSessionHistory(session: unknown): SessionHistory | undefined {
  if (!Array.isArray(session) || session.length > MAX_SESSION_ENTRIES) return undefined;
  const result = v.safeParse(sessionSchema, session);
  return result.success ? result.output : undefined;
}

/** The custom rounds already answered in this session, oldest first. */
export function customRounds(history: SessionHistory): SessionEntry[] {
  return history.filter((entry) => entry.challengeName === CUSTOM_CHALLENGE);
}
