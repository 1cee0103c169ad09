import type { PendingChallenge, SessionEntry } from '../state/sessions';
import { callerOf, currentUser, type FlowState } from './auth-round';
import type { CustomChallengeResponses } from './challenge-responses';
import type { UserPool } from './user-pool';

export type CustomChallengePending = Extract<PendingChallenge, { name: 'CUSTOM_CHALLENGE' }>;

/** CUSTOM_CHALLENGE: the Verify trigger judges the answer; the round's entry records what it said. */
export async function answerCustomChallenge(
  pool: UserPool,
  session: FlowState,
  pending: CustomChallengePending,
  responses: CustomChallengeResponses,
  clientMetadata: Record<string, string> | undefined,
): Promise<SessionEntry> {
  const user = currentUser(pool, session);
  const answerCorrect = await pool.triggers.verify(callerOf(session, user), pending.privateChallengeParameters, responses.answer, clientMetadata);
  return { challengeName: 'CUSTOM_CHALLENGE', challengeResult: answerCorrect, challengeMetadata: pending.challengeMetadata };
}
