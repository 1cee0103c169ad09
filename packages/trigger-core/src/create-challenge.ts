import { DECOY_EMAIL_RECIPIENT, isPlainEmailAddress, RESEND_WAIT_PARAMETER } from '@cognito-passwordless/contract';
import { EXPIRED_HINT, firstRoundHint, resendWaitHint, resentHint, retryHint } from './challenge-hint';
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
import { SignInLimitError } from './errors';
import { ownField, readUserAttribute, readUserNotFound } from './event-fields';
import type { Clock, RandomSource, SendCode, SignInStateStore } from './ports';
import { CUSTOM_CHALLENGE, customRounds, readSessionHistory } from './session-history';
import { codesSentInWindow, failedAnswersInWindow, withChallenge, withCodeSent } from './sign-in-limits';
import { signInStateKey } from './state-key';
import { isResendRequest, MAX_RESENDS_PER_SIGN_IN, resendsBefore, withoutResendCount, withResendCount } from './sign-in-resends';
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
  /** First round or a granted resend: a new code was emailed. */
  | { readonly outcome: 'code-sent' }
  /** A challenge no answer passes; a first round or a granted resend emailed the mailbox simulator. */
  | { readonly outcome: 'decoy'; readonly reason: NoDeliveryReason | 'carried-forward' }
  /** A resend request inside RESEND_COOLDOWN_SECONDS: nothing sent, the code already sent stays valid. */
  | { readonly outcome: 'resend-wait' }
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
  /** Resend requests in this sign-in so far, this round's included. */
  readonly resends: number;
  readonly response: CreateResponse;
};

export interface CreateDependencies {
  readonly now: Clock;
  readonly random: RandomSource;
  readonly sendCode: SendCode;
  readonly store: SignInStateStore;
}

/** What every response of one round shares besides the token and hint. */
interface RoundFacts {
  readonly attemptsLeft: number;
  readonly resends: number;
  readonly nowMs: number;
  readonly cooldownSeconds: number;
}

/** Whole seconds from `nowMs` until RESEND_COOLDOWN_SECONDS have passed since the token's code was sent. */
const resendWaitSeconds = (token: ChallengeToken, round: RoundFacts): number =>
  Math.min(round.cooldownSeconds, Math.max(0, Math.ceil((token.issuedAtMs + round.cooldownSeconds * 1000 - round.nowMs) / 1000)));

function buildResponse(token: ChallengeToken, hint: string, round: RoundFacts): CreateResponse {
  const encoded = encodeChallengeToken(token);
  return {
    // Cognito requires string values; nothing here depends on who the user is.
    publicChallengeParameters: {
      hint,
      attemptsLeft: String(round.attemptsLeft),
      [RESEND_WAIT_PARAMETER]: String(resendWaitSeconds(token, round)),
    },
    privateChallengeParameters: { [PRIVATE_CHALLENGE_KEY]: encoded },
    challengeMetadata: withResendCount(encoded, round.resends),
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
 * (retries after a wrong answer) carry the token forward and send nothing. A
 * round answered with a resend request does the first round's work again under
 * the same challenge id (so the earlier code stops working and the attempts
 * stay), unless the last email of this sign-in is younger than
 * RESEND_COOLDOWN_SECONDS: then it sends nothing and says how long to wait.
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
  const previous = answered.at(-1);
  const resend = previous !== undefined && isResendRequest(request);
  const resends = previous ? resendsBefore(previous.challengeMetadata) + (resend ? 1 : 0) : 0;
  const facts: RoundFacts = {
    attemptsLeft: Math.max(MAX_CODE_ATTEMPTS - (answered.length - resends), 0),
    resends,
    nowMs: deps.now(),
    cooldownSeconds: config.RESEND_COOLDOWN_SECONDS,
  };
  const { attemptsLeft } = facts;
  const round = answered.length + 1;
  const decided = (outcome: CreateOutcome, token: ChallengeToken, hint: string): CreateDecision => ({
    ...outcome,
    round,
    attemptsLeft,
    resends,
    response: buildResponse(token, hint, facts),
  });
  const firstHint = firstRoundHint(CODE_LENGTH, CODE_TTL_SECONDS);
  const stateKey = signInStateKey(event);

  if (
    !history ||
    userNotFound === undefined ||
    stateKey === undefined ||
    ownField(request, 'challengeName') !== CUSTOM_CHALLENGE ||
    attemptsLeft === 0 ||
    resends > MAX_RESENDS_PER_SIGN_IN
  ) {
    // Not an event Cognito sends: a challenge that is in no one's state, so no answer passes.
    return decided({ outcome: 'decoy', reason: 'malformed-event' }, newToken(deps), firstHint);
  }

  if (!previous) {
    const { token, delivered } = await issueCode(request, config, deps, stateKey, newToken(deps));
    return decided(delivered, token, firstHint);
  }
  const token = decodeChallengeToken(withoutResendCount(previous.challengeMetadata));
  if (!token) {
    // Expire it at once: a session whose metadata we did not write gets no live challenge.
    return decided({ outcome: 'decoy', reason: 'tampered-metadata' }, { ...newToken(deps), issuedAtMs: 0 }, EXPIRED_HINT);
  }
  if (resend) {
    const wait = resendWaitSeconds(token, facts);
    if (wait > 0) return decided({ outcome: 'resend-wait' }, token, resendWaitHint(wait));
    // Same id, new code, key and issue time: the state keeps one challenge per sign-in, and the old token no longer matches it.
    const resent = await issueCode(request, config, deps, stateKey, { ...newToken(deps), id: token.id });
    return decided(resent.delivered, resent.token, resentHint(CODE_LENGTH, CODE_TTL_SECONDS));
  }
  if (!isTokenLive(token, deps.now(), CODE_TTL_SECONDS)) return decided({ outcome: 'expired' }, token, EXPIRED_HINT);
  return decided(userNotFound ? { outcome: 'decoy', reason: 'carried-forward' } : { outcome: 'retry' }, token, retryHint(CODE_LENGTH));
}

/**
 * Checks the username's limits, records the challenge `token` names (keeping
 * the wrong answers it already got) in one conditional write, then emails a
 * new code: to the user, or to the mailbox simulator when there is no address
 * it may go to.
 */
async function issueCode(
  request: unknown,
  config: CreateConfig,
  deps: CreateDependencies,
  stateKey: string,
  token: ChallengeToken,
): Promise<{ token: ChallengeToken; delivered: CreateOutcome }> {
  const userNotFound = readUserNotFound(request) === true;
  const address = deliveryAddress(request, userNotFound);
  const code = generateCode(config.CODE_LENGTH, deps.random);
  // A decoy's stored hash is random bytes: no code matches it, not even the one emailed to the simulator.
  const hash = 'to' in address ? hashCode(code, token.key, token.issuedAtMs) : Buffer.from(deps.random.randomBytes(CODE_HASH_BYTES));
  await changeSignInState(deps.store, stateKey, { now: deps.now, ttlSeconds: config.CODE_TTL_SECONDS }, (state, nowMs) => {
    if (failedAnswersInWindow(state, nowMs) >= config.MAX_FAILED_ANSWERS_PER_DAY) throw new SignInLimitError('failed-answers-per-day');
    if (codesSentInWindow(state, nowMs) >= config.MAX_CODES_PER_HOUR) throw new SignInLimitError('codes-per-hour');
    const attempts = state.challenges[token.id]?.attempts ?? 0;
    const challenge = { hash: hash.toString('base64url'), issuedAtMs: token.issuedAtMs, attempts };
    return { result: undefined, next: withChallenge(withCodeSent(state, nowMs), token.id, challenge) };
  });
  await deps.sendCode({
    to: 'to' in address ? address.to : DECOY_EMAIL_RECIPIENT,
    code,
    validForSeconds: config.CODE_TTL_SECONDS,
    locale: readUserLocale(request),
  });
  return { token, delivered: 'to' in address ? { outcome: 'code-sent' } : { outcome: 'decoy', reason: address.blocked } };
}
