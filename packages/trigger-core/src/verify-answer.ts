import { LIMITED_OUTCOME, type SignInLimitReason } from '@cognito-passwordless/contract';
import { decodeChallengeToken, isTokenLive, PRIVATE_CHALLENGE_KEY } from './challenge-token';
import { codeMatchesHash } from './code-hash';
import type { VerifyConfig } from './config.schema';
import { ownField, readUserNotFound } from './event-fields';
import type { Clock, SignInStateStore } from './ports';
import { failedAnswersInWindow, withChallenge, withFailedAnswer } from './sign-in-limits';
import { isResendRequest } from './sign-in-resends';
import { signInStateKey } from './state-key';
import { changeSignInState } from './state-transaction';

export type VerifyOutcome =
  | 'correct'
  | 'wrong-code'
  | 'expired'
  /** Not a string of CODE_LENGTH ASCII digits once surrounding whitespace is trimmed. */
  | 'malformed-answer'
  /** The round was answered with a resend request: not compared, not counted. */
  | 'resend-requested'
  /** The event names no challenge of this user's state (missing, tampered, already used or forgotten). */
  | 'no-challenge'
  /** Answered and counted like a wrong code, for a username that does not exist. */
  | 'user-not-found'
  /** MAX_FAILED_ANSWERS_PER_DAY was reached: the answer was not even compared. */
  | typeof LIMITED_OUTCOME
  | 'malformed-event';

export type VerifyDecision =
  | { readonly answerCorrect: boolean; readonly outcome: Exclude<VerifyOutcome, typeof LIMITED_OUTCOME> }
  | { readonly answerCorrect: false; readonly outcome: typeof LIMITED_OUTCOME; readonly reason: SignInLimitReason };

export interface VerifyDependencies {
  readonly now: Clock;
  readonly store: SignInStateStore;
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
 * Verify Auth Challenge Response: true only for a well-formed answer, before
 * the code expires, whose HMAC under the event's challenge key matches the
 * hash in the user's state (in constant time), while the user is under
 * MAX_FAILED_ANSWERS_PER_DAY. Every other compared answer counts as a wrong
 * answer in the same conditional write that reads the limit, so parallel
 * sessions can never get more answers compared than the limit allows. A right
 * answer uses the challenge up. Unknown usernames get the same work and the
 * same counting, and never a right answer. A round answered with a resend
 * request is false without any of that.
 */
export async function verifyAnswer(event: unknown, config: VerifyConfig, deps: VerifyDependencies): Promise<VerifyDecision> {
  const wrong = (outcome: Exclude<VerifyOutcome, typeof LIMITED_OUTCOME | 'correct'>): VerifyDecision => ({ answerCorrect: false, outcome });
  const request = ownField(event, 'request');
  const userNotFound = readUserNotFound(request);
  const stateKey = signInStateKey(event);
  if (userNotFound === undefined || stateKey === undefined) return wrong('malformed-event');
  // A resend request is not an answer: the answer text is ignored, nothing is compared or counted, and Create of the next round sends the code.
  if (isResendRequest(request)) return wrong('resend-requested');

  const token = decodeChallengeToken(ownField(ownField(request, 'privateChallengeParameters'), PRIVATE_CHALLENGE_KEY));
  if (!token) return wrong('no-challenge');

  const answer = normalizeAnswer(ownField(request, 'challengeAnswer'), config.CODE_LENGTH);
  if (answer === undefined) return wrong('malformed-answer');
  if (!isTokenLive(token, deps.now(), config.CODE_TTL_SECONDS)) return wrong('expired');

  return changeSignInState(deps.store, stateKey, { now: deps.now, ttlSeconds: config.CODE_TTL_SECONDS }, (state, nowMs) => {
    if (failedAnswersInWindow(state, nowMs) >= config.MAX_FAILED_ANSWERS_PER_DAY) {
      return { result: { answerCorrect: false, outcome: LIMITED_OUTCOME, reason: 'failed-answers-per-day' } as const };
    }
    const challenge = state.challenges[token.id];
    if (!challenge || challenge.issuedAtMs !== token.issuedAtMs) return { result: wrong('no-challenge') };
    const matches = codeMatchesHash(answer, token.key, token.issuedAtMs, Buffer.from(challenge.hash, 'base64url'));
    if (matches && !userNotFound) {
      return { result: { answerCorrect: true, outcome: 'correct' } as const, next: withChallenge(state, token.id, undefined) };
    }
    const counted = withChallenge(withFailedAnswer(state, nowMs), token.id, { ...challenge, attempts: challenge.attempts + 1 });
    return { result: wrong(userNotFound ? 'user-not-found' : 'wrong-code'), next: counted };
  });
}
