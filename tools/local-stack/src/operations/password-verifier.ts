import { timingSafeEqual } from 'node:crypto';
import { verifyPasswordClaim } from '../crypto/srp';
import { formatSrpTimestamp } from '../crypto/srp-timestamp';
import { errors } from '../errors';
import type { PendingChallenge, SessionEntry } from '../state/sessions';
import type { FlowState } from './auth-round';
import type { PasswordVerifierResponses } from './challenge-responses';
import type { UserPool } from './user-pool';

export type PasswordVerifierPending = Extract<PendingChallenge, { name: 'PASSWORD_VERIFIER' }>;

/** How far a client's clock may be from ours in an SRP `TIMESTAMP`. */
const TIMESTAMP_SKEW_MS = 15 * 60 * 1000;

/**
 * PASSWORD_VERIFIER: the pool checks the client's SRP proof itself. A proven
 * password is one more step of CUSTOM_AUTH, never tokens by itself: Define
 * decides what comes next. Anything else is `Incorrect username or password.`
 */
export function answerPasswordVerifier(
  pool: UserPool,
  session: FlowState,
  pending: PasswordVerifierPending,
  responses: PasswordVerifierResponses,
): SessionEntry {
  // The SRP check runs for unknown users too, so that they take as long as a wrong password.
  const proven = verifyPasswordClaim({
    poolName: pool.settings.poolName,
    userIdForSrp: pending.userIdForSrp,
    srpA: pending.srpA,
    challenge: pending.challenge,
    verifier: pending.verifier,
    secretBlock: pending.secretBlock,
    timestamp: formatSrpTimestamp(responses.timestamp),
    signature: responses.signature,
  });
  const verified =
    proven &&
    !session.userNotFound &&
    Math.abs(responses.timestamp.getTime() - pool.clock.now()) <= TIMESTAMP_SKEW_MS &&
    sameBytes(responses.secretBlock, pending.secretBlock);
  if (!verified) throw errors.incorrectCredentials();
  return { challengeName: 'PASSWORD_VERIFIER', challengeResult: true, challengeMetadata: null };
}

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
