import { decodeChallengeToken, isTokenLive, PRIVATE_CHALLENGE_KEY } from './challenge-token';
import { codeMatchesHash } from './code-hash';
import type { VerifyConfig } from './config.schema';
import { ownField, readUserNotFound } from './event-fields';
import type { Clock } from './ports';

export type VerifyOutcome =
  | 'correct'
  | 'wrong-code'
  | 'expired'
  /** Not a string of CODE_LENGTH ASCII digits once surrounding whitespace is trimmed. */
  | 'malformed-answer'
  /** No code was issued for this challenge (decoy, missing or tampered parameters). */
  | 'no-challenge'
  | 'user-not-found'
  | 'malformed-event';

export interface VerifyDecision {
  readonly answerCorrect: boolean;
  readonly outcome: VerifyOutcome;
}

/** Longer answers are refused before any work: no code is this long, even padded. */
const MAX_ANSWER_LENGTH = 64;

/** Trims what people paste around a code: spaces, tabs, CR and LF. */
function normalizeAnswer(answer: unknown, codeLength: number): string | undefined {
  if (typeof answer !== 'string' || answer.length > MAX_ANSWER_LENGTH) return undefined;
  const trimmed = answer.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
  return trimmed.length === codeLength && /^[0-9]+$/.test(trimmed) ? trimmed : undefined;
}

/**
 * Verify Auth Challenge Response: true only for a well-formed answer whose
 * hash matches the issued code (in constant time) before the code expires.
 */
export function verifyAnswer(request: unknown, config: VerifyConfig, now: Clock): VerifyDecision {
  const wrong = (outcome: VerifyOutcome): VerifyDecision => ({ answerCorrect: false, outcome });
  const userNotFound = readUserNotFound(request);
  if (userNotFound === undefined) return wrong('malformed-event');
  if (userNotFound) return wrong('user-not-found');

  const token = decodeChallengeToken(ownField(ownField(request, 'privateChallengeParameters'), PRIVATE_CHALLENGE_KEY));
  if (!token || token.kind !== 'code') return wrong('no-challenge');

  const answer = normalizeAnswer(ownField(request, 'challengeAnswer'), config.CODE_LENGTH);
  if (answer === undefined) return wrong('malformed-answer');
  if (!isTokenLive(token, now(), config.CODE_TTL_SECONDS)) return wrong('expired');
  return codeMatchesHash(answer, token.salt, token.issuedAtMs, token.hash) ? { answerCorrect: true, outcome: 'correct' } : wrong('wrong-code');
}
