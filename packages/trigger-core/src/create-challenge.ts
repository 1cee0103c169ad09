import { EXPIRED_HINT, firstRoundHint, retryHint } from './challenge-hint';
import {
  decodeChallengeToken,
  encodeChallengeToken,
  isTokenLive,
  PRIVATE_CHALLENGE_KEY,
  type ChallengeToken,
} from './challenge-token';
import { generateCode } from './code-generator';
import { CODE_SALT_BYTES, hashCode } from './code-hash';
import type { CreateConfig } from './config.schema';
import { isPlainEmailAddress } from './email-address';
import { ownField, readUserAttribute, readUserNotFound } from './event-fields';
import type { Clock, RandomSource, SendCode } from './ports';
import { readUserLocale } from './user-locale';
import { CUSTOM_CHALLENGE, customRounds, readSessionHistory } from './session-history';

/** Why a first round sent no email; the client cannot tell these apart. */
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
  /** First round, or a retry of one: a challenge no answer passes, nothing sent. */
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

function newDecoy(deps: CreateDependencies): ChallengeToken {
  const bytes = Buffer.from(deps.random.randomBytes(CODE_SALT_BYTES + 32));
  return { kind: 'decoy', issuedAtMs: deps.now(), salt: bytes.subarray(0, CODE_SALT_BYTES), hash: bytes.subarray(CODE_SALT_BYTES) };
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
 * Create Auth Challenge. The first custom round of a session draws a code,
 * emails it and keeps only its salted hash; later rounds (retries after a
 * wrong answer) carry that hash forward and send nothing, so the person keeps
 * using the code they have until it expires. When no code can be sent, the
 * challenge is a decoy that looks the same to the client and that no answer
 * passes. If sending fails, the error propagates: a challenge whose code was
 * not sent is never returned.
 */
export async function createChallenge(
  request: unknown,
  config: CreateConfig,
  deps: CreateDependencies,
): Promise<CreateDecision> {
  const { CODE_LENGTH, CODE_TTL_SECONDS, MAX_CODE_ATTEMPTS } = config;
  const history = readSessionHistory(ownField(request, 'session'));
  const userNotFound = readUserNotFound(request);
  const answered = history ? customRounds(history) : [];
  const round = answered.length + 1;
  const attemptsLeft = Math.max(MAX_CODE_ATTEMPTS - answered.length, 0);
  const firstHint = firstRoundHint(CODE_LENGTH, CODE_TTL_SECONDS);

  if (
    !history ||
    userNotFound === undefined ||
    ownField(request, 'challengeName') !== CUSTOM_CHALLENGE ||
    attemptsLeft === 0
  ) {
    return { outcome: 'decoy', reason: 'malformed-event', round, attemptsLeft, response: buildResponse(newDecoy(deps), firstHint, attemptsLeft) };
  }

  const previous = answered.at(-1);
  if (previous) {
    const token = decodeChallengeToken(previous.challengeMetadata);
    if (!token) {
      // Expire it at once: a session whose metadata we did not write gets no live challenge.
      const dead = { ...newDecoy(deps), issuedAtMs: 0 };
      return { outcome: 'decoy', reason: 'tampered-metadata', round, attemptsLeft, response: buildResponse(dead, EXPIRED_HINT, attemptsLeft) };
    }
    if (!isTokenLive(token, deps.now(), CODE_TTL_SECONDS)) {
      return { outcome: 'expired', round, attemptsLeft, response: buildResponse(token, EXPIRED_HINT, attemptsLeft) };
    }
    const response = buildResponse(token, retryHint(CODE_LENGTH), attemptsLeft);
    const outcome: CreateOutcome =
      token.kind === 'decoy' ? { outcome: 'decoy', reason: 'carried-forward' } : { outcome: 'retry' };
    return { ...outcome, round, attemptsLeft, response };
  }

  const address = deliveryAddress(request, userNotFound);
  if ('blocked' in address) {
    return { outcome: 'decoy', reason: address.blocked, round, attemptsLeft, response: buildResponse(newDecoy(deps), firstHint, attemptsLeft) };
  }

  const code = generateCode(CODE_LENGTH, deps.random);
  const salt = Buffer.from(deps.random.randomBytes(CODE_SALT_BYTES));
  const issuedAtMs = deps.now();
  const token: ChallengeToken = { kind: 'code', issuedAtMs, salt, hash: hashCode(code, salt, issuedAtMs) };
  await deps.sendCode({ to: address.to, code, validForSeconds: CODE_TTL_SECONDS, locale: readUserLocale(request) });
  return { outcome: 'code-sent', round, attemptsLeft, response: buildResponse(token, firstHint, attemptsLeft) };
}
