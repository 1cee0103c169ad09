import { randomBytes } from 'node:crypto';
import { unrecognizableOutput, type TriggerCaller } from '../adapters/triggers';
import { createServerChallenge } from '../crypto/srp';
import type { AuthenticationResult } from '../crypto/tokens';
import { errors } from '../errors';
import type { AuthSession } from '../state/sessions';
import { triggerUserAttributes } from '../state/user-attributes';
import type { UserRecord } from '../state/user-store';
import type { UserPool } from './user-pool';

/** What InitiateAuth and RespondToAuthChallenge answer. */
export type AuthStep =
  | { readonly AuthenticationResult: AuthenticationResult; readonly ChallengeParameters: Record<string, never> }
  | { readonly ChallengeName: string; readonly Session: string; readonly ChallengeParameters: Record<string, string> };

/** A session not yet stored: the state of the sign-in between two trigger rounds. */
export type FlowState = Omit<AuthSession, 'pending'>;

/** Calls Define with the session so far and carries out its decision. */
export async function nextRound(pool: UserPool, state: FlowState, clientMetadata: Record<string, string> | undefined): Promise<AuthStep> {
  const { triggers, sessions } = pool;
  const user = currentUser(pool, state);
  const caller = callerOf(state, user);
  const decision = await triggers.define(caller, state.history, clientMetadata);
  if (decision.failAuthentication) throw errors.incorrectCredentials();
  if (decision.issueTokens) {
    // Cognito never issues tokens for a user it did not find, whatever Define says.
    if (user === undefined) throw errors.incorrectCredentials();
    return { AuthenticationResult: await pool.tokens.issue(user, state.clientId, pool.tokens.newGrant(), true), ChallengeParameters: {} };
  }
  if (decision.challengeName === 'PASSWORD_VERIFIER') {
    // Cognito's own SRP step needs the client's SRP_A: a session that started without one cannot take it.
    if (state.srpA === undefined) throw unrecognizableOutput();
    return passwordVerifierChallenge(pool, state, user, state.srpA);
  }
  if (decision.challengeName !== 'CUSTOM_CHALLENGE') throw unrecognizableOutput();
  const created = await triggers.create(caller, 'CUSTOM_CHALLENGE', state.history, clientMetadata);
  const session = sessions.issue({
    ...state,
    pending: {
      name: 'CUSTOM_CHALLENGE',
      privateChallengeParameters: created.privateChallengeParameters,
      challengeMetadata: created.challengeMetadata,
    },
  });
  return {
    ChallengeName: 'CUSTOM_CHALLENGE',
    Session: session,
    ChallengeParameters: { ...created.publicChallengeParameters, USERNAME: state.username },
  };
}

/**
 * Cognito's SRP password step. An unknown user gets a decoy salt and
 * verifier derived from the typed name (stable across attempts, same cost),
 * and its proof always fails.
 */
function passwordVerifierChallenge(pool: UserPool, state: FlowState, user: UserRecord | undefined, srpA: bigint): AuthStep {
  const verifier = user?.password ?? pool.decoys.of(state.username);
  const secretBlock = randomBytes(48);
  const challenge = createServerChallenge(verifier);
  const session = pool.sessions.issue(
    { ...state, pending: { name: 'PASSWORD_VERIFIER', userIdForSrp: state.username, srpA, verifier, challenge, secretBlock } },
    sessionTokenOf(secretBlock),
  );
  return {
    ChallengeName: 'PASSWORD_VERIFIER',
    Session: session,
    ChallengeParameters: {
      SALT: verifier.salt,
      SECRET_BLOCK: secretBlock.toString('base64'),
      SRP_B: challenge.srpB,
      USERNAME: state.username,
      USER_ID_FOR_SRP: state.username,
    },
  };
}

/**
 * A PASSWORD_VERIFIER session is keyed by its SECRET_BLOCK too: Cognito keeps
 * that step's state in the block, so a client may answer it without `Session`.
 */
export function sessionTokenOf(secretBlock: Buffer): string {
  return secretBlock.toString('base64url');
}

/** The user as stored now (triggers see current attributes); a user deleted mid-flow ends it. */
export function currentUser(pool: UserPool, state: FlowState): UserRecord | undefined {
  if (state.userNotFound) return undefined;
  const user = pool.users.find(state.username);
  if (user === undefined) throw errors.incorrectCredentials();
  return user;
}

/** Who the triggers of a round are called for. */
export function callerOf(state: FlowState, user: UserRecord | undefined): TriggerCaller {
  return {
    userName: state.username,
    clientId: state.clientId,
    userAttributes: user === undefined ? {} : triggerUserAttributes(user),
    userNotFound: user === undefined,
  };
}
