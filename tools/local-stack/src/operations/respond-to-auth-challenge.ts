import { errors } from '../errors';
import { assertClient } from '../state/pool-settings';
import type { PendingChallenge } from '../state/sessions';
import { nextRound, sessionTokenOf, type AuthStep } from './auth-round';
import { CustomChallengeResponses, parseChallengeResponses, PasswordVerifierResponses } from './challenge-responses';
import { answerCustomChallenge, type CustomChallengePending } from './custom-challenge';
import { answerPasswordVerifier, type PasswordVerifierPending } from './password-verifier';
import type { UserPool } from './user-pool';

export interface RespondToAuthChallengeInput {
  readonly ClientId: string;
  readonly ChallengeName: string;
  readonly Session?: string | undefined;
  readonly ChallengeResponses?: Readonly<Record<string, string>> | undefined;
  readonly ClientMetadata?: Record<string, string> | undefined;
}

/** The pending challenge with its parsed responses, one variant per challenge the pool hands out. */
type ChallengeAnswer =
  | { readonly challenge: 'CUSTOM_CHALLENGE'; readonly pending: CustomChallengePending; readonly responses: CustomChallengeResponses }
  | { readonly challenge: 'PASSWORD_VERIFIER'; readonly pending: PasswordVerifierPending; readonly responses: PasswordVerifierResponses };

/**
 * RespondToAuthChallenge: finds the live session, parses the responses its
 * challenge needs, spends the session, lets that challenge's handler judge
 * the answer and starts the next round of the CUSTOM_AUTH loop.
 */
export async function respondToAuthChallenge(pool: UserPool, input: RespondToAuthChallengeInput): Promise<AuthStep> {
  assertClient(pool.settings, input.ClientId);
  const responses = input.ChallengeResponses ?? {};
  const { token, session } = openSession(pool, input, responses);
  // Parameter errors leave the session usable; anything past this point spends it.
  const answer = parseAnswer(session.pending, responses);
  pool.sessions.take(token);
  if (answer.responses.username.toLowerCase() !== session.username.toLowerCase()) throw errors.invalidSession();
  const entry =
    answer.challenge === 'CUSTOM_CHALLENGE'
      ? await answerCustomChallenge(pool, session, answer.pending, answer.responses, input.ClientMetadata)
      : answerPasswordVerifier(pool, session, answer.pending, answer.responses);
  return nextRound(pool, { ...session, history: [...session.history, entry] }, input.ClientMetadata);
}

/** The live session the request names, for this client and this challenge; left unspent. */
function openSession(pool: UserPool, input: RespondToAuthChallengeInput, responses: Readonly<Record<string, string>>) {
  const { sessions } = pool;
  const token = input.Session ?? sessionTokenFromSecretBlock(input.ChallengeName, responses);
  if (token === undefined) throw errors.missingAuthParameter('Session');
  const session = sessions.peek(token);
  if (session === undefined) throw sessions.hasExpired(token) ? errors.expiredSession() : errors.invalidSession();
  if (session.clientId !== input.ClientId) throw errors.invalidSession();
  if (input.ChallengeName !== session.pending.name) {
    throw errors.invalidParameter(`Invalid challenge name ${input.ChallengeName}: the session expects ${session.pending.name}`);
  }
  return { token, session };
}

function parseAnswer(pending: PendingChallenge, responses: Readonly<Record<string, string>>): ChallengeAnswer {
  switch (pending.name) {
    case 'CUSTOM_CHALLENGE':
      return { challenge: pending.name, pending, responses: parseChallengeResponses(CustomChallengeResponses, responses) };
    case 'PASSWORD_VERIFIER':
      return { challenge: pending.name, pending, responses: parseChallengeResponses(PasswordVerifierResponses, responses) };
  }
}

function sessionTokenFromSecretBlock(challengeName: string, responses: Readonly<Record<string, string>>): string | undefined {
  const block = responses['PASSWORD_CLAIM_SECRET_BLOCK'];
  return challengeName === 'PASSWORD_VERIFIER' && block !== undefined ? sessionTokenOf(Buffer.from(block, 'base64')) : undefined;
}
