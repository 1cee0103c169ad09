import { DECOY_EMAIL_RECIPIENT } from '@cognito-passwordless/contract';
import { EXPIRED_HINT, firstRoundHint, retryHint } from './challenge-hint';
import {
  CHALLENGE_ID_BYTES,
  decodeChallengeToken,
  encodeChallengeToken,
  isTokenLive,
  PRIVATE_CHALLENGE_KEY,
  type ChallengeToken,
} from './challenge-token';
import { generateCode } from './code-generator';
import { CHALLENGE_KEY_BYTES, CODE_HASH_BYTES, hashCode } from './code-hash';
import type { CreateConfig } from './config.schema';
import { isPlainEmailAddress } from './email-address';
import { SignInLimitError } from './errors';
import { ownField, readUserAttribute, readUserNotFound } from './event-fields';
import type { Clock, RandomSource, SendCode, SignInStateStore } from './ports';
import { CUSTOM_CHALLENGE, customRounds, readSessionHistory } from './session-history';
import { codesSentInWindow, failedAnswersInWindow, withChallenge, withCodeSent } from './sign-in-limits';
import { signInStateKey } from './state-key';
import { changeSignInState } from './state-transaction';
import { readUserLocale } from './user-locale';

/** Why a first round emailed no real code; the client cannot tell these apart. */
export type NoDeliveryReason =
  | 'user-not-found'
  | 'no-email'
  | 'invalid-email'
  | 'email-not-verified'
  | 'malformed-event'
  | 'tampered-metadata';

export type CreateOutcome =
  /** First round: a new code was emailed. */
  | { readonly outcome: 'code-sent' }
  /** First round, or a retry of one: a challenge no answer passes; a first round emailed the mailbox simulator. */
  | { readonly outcome: 'decoy'; readonly reason: NoDeliveryReason | 'carried-forward' }
  /** A retry: the code already emailed stays valid; nothing sent. */
  | { readonly outcome: 'retry' }
  /** A retry after the code expired: nothing sent, nothing revived. */
  | { readonly outcome: 'expired' };

/** The `response` Cognito reads from Create Auth Challenge. */
export interface CreateResponse {
  publicChallengeParameters: Record<string, string>;
  privateChallengeParameters: Record<string, string>;
  challengeMetadata: string;
}

export type CreateDecision = CreateOutcome & {
  readonly round: number;
  readonly attemptsLeft: number;
  readonly response: CreateResponse;
};

export interface CreateDependencies {
  readonly now: Clock;
  readonly random: RandomSource;
  readonly sendCode: SendCode;
  readonly store: SignInStateStore;
}

function buildResponse(token: ChallengeToken, hint: string, attemptsLeft: number): CreateResponse {
  const encoded = encodeChallengeToken(token);
  return {
    // Cognito requires string values; nothing here depends on who the user is.
    publicChallengeParameters: { hint, attemptsLeft: String(attemptsLeft) },
    privateChallengeParameters: { [PRIVATE_CHALLENGE_KEY]: encoded },
    challengeMetadata: encoded,
  };
}

function newToken(deps: CreateDependencies): ChallengeToken {
  return {
    issuedAtMs: deps.now(),
    id: Buffer.from(deps.random.randomBytes(CHALLENGE_ID_BYTES)).toString('base64url'),
    key: Buffer.from(deps.random.randomBytes(CHALLENGE_KEY_BYTES)),
  };
}

/** The address the first round may email the code to, or why there is none. */
function deliveryAddress(request: unknown, userNotFound: boolean): { to: string } | { blocked: NoDeliveryReason } {
  if (userNotFound) return { blocked: 'user-not-found' };
  const email = readUserAttribute(request, 'email');
  if (email === undefined || email === '') return { blocked: 'no-email' };
  if (!isPlainEmailAddress(email)) return { blocked: 'invalid-email' };
  if (readUserAttribute(request, 'email_verified') !== 'true') return { blocked: 'email-not-verified' };
  return { to: email };
}

/**
 * Create Auth Challenge. The first custom round of a session checks the
 * username's limits and records the new challenge in the state store in one
 * conditional write, then emails the code; the event gets the challenge's id
 * and the random key of the code's HMAC, the table gets the HMAC. Later rounds
 * (retries after a wrong answer) carry the token forward and send nothing.
 *
 * A username that does not exist, or has no address the code may go to, gets
 * exactly the same work, a decoy whose stored hash no answer matches, and an
 * email to the SES mailbox simulator: the same store writes, the same limits,
 * the same SES latency and failures. A reached limit throws SignInLimitError
 * and sends nothing; a store fault throws SignInStateError and sends nothing;
 * a failed send propagates, and no challenge is returned.
 */
export async function createChallenge(event: unknown, config: CreateConfig, deps: CreateDependencies): Promise<CreateDecision> {
  const { CODE_LENGTH, CODE_TTL_SECONDS, MAX_CODE_ATTEMPTS } = config;
  const request = ownField(event, 'request');
  const history = readSessionHistory(ownField(request, 'session'));
  const userNotFound = readUserNotFound(request);
  const answered = history ? customRounds(history) : [];
  const round = answered.length + 1;
  const attemptsLeft = Math.max(MAX_CODE_ATTEMPTS - answered.length, 0);
  const firstHint = firstRoundHint(CODE_LENGTH, CODE_TTL_SECONDS);
  const stateKey = signInStateKey(event);

  if (
    !history ||
    userNotFound === undefined ||
    stateKey === undefined ||
    ownField(request, 'challengeName') !== CUSTOM_CHALLENGE ||
    attemptsLeft === 0
  ) {
    // Not an event Cognito sends: a challenge that is in no one's state, so no answer passes.
    return { outcome: 'decoy', reason: 'malformed-event', round, attemptsLeft, response: buildResponse(newToken(deps), firstHint, attemptsLeft) };
  }

  const previous = answered.at(-1);
  if (previous) {
    const token = decodeChallengeToken(previous.challengeMetadata);
    if (!token) {
      // Expire it at once: a session whose metadata we did not write gets no live challenge.
      const dead = { ...newToken(deps), issuedAtMs: 0 };
      return { outcome: 'decoy', reason: 'tampered-metadata', round, attemptsLeft, response: buildResponse(dead, EXPIRED_HINT, attemptsLeft) };
    }
    if (!isTokenLive(token, deps.now(), CODE_TTL_SECONDS)) {
      return { outcome: 'expired', round, attemptsLeft, response: buildResponse(token, EXPIRED_HINT, attemptsLeft) };
    }
    const response = buildResponse(token, retryHint(CODE_LENGTH), attemptsLeft);
    const outcome: CreateOutcome = userNotFound ? { outcome: 'decoy', reason: 'carried-forward' } : { outcome: 'retry' };
    return { ...outcome, round, attemptsLeft, response };
  }

  const address = deliveryAddress(request, userNotFound);
  const code = generateCode(CODE_LENGTH, deps.random);
  const token = newToken(deps);
  // A decoy's stored hash is random bytes: no code matches it, not even the one emailed to the simulator.
  const hash = 'to' in address ? hashCode(code, token.key, token.issuedAtMs) : Buffer.from(deps.random.randomBytes(CODE_HASH_BYTES));
  await changeSignInState(deps.store, stateKey, { now: deps.now, ttlSeconds: CODE_TTL_SECONDS }, (state, nowMs) => {
    if (failedAnswersInWindow(state, nowMs) >= config.MAX_FAILED_ANSWERS_PER_DAY) throw new SignInLimitError('failed-answers-per-day');
    if (codesSentInWindow(state, nowMs) >= config.MAX_CODES_PER_HOUR) throw new SignInLimitError('codes-per-hour');
    const challenge = { hash: hash.toString('base64url'), issuedAtMs: token.issuedAtMs, attempts: 0 };
    return { result: undefined, next: withChallenge(withCodeSent(state, nowMs), token.id, challenge) };
  });
  await deps.sendCode({
    to: 'to' in address ? address.to : DECOY_EMAIL_RECIPIENT,
    code,
    validForSeconds: CODE_TTL_SECONDS,
    locale: readUserLocale(request),
  });
  const response = buildResponse(token, firstHint, attemptsLeft);
  return 'to' in address
    ? { outcome: 'code-sent', round, attemptsLeft, response }
    : { outcome: 'decoy', reason: address.blocked, round, attemptsLeft, response };
}
