import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { errors } from '../errors';
import { assertClient, authFlowNotEnabled, ENABLED_AUTH_FLOWS, type PoolSettings } from './pool-settings';
import type { AuthSession, SessionEntry, SessionStore } from './sessions';
import {
  createServerChallenge,
  decoyPasswordVerifier,
  formatSrpTimestamp,
  parseSrpA,
  parseSrpTimestamp,
  verifyPasswordClaim,
  type PasswordVerifier,
} from './srp';
import type { AuthenticationResult, SignInGrant, TokenService } from './tokens';
import { unrecognizableOutput, type CognitoTriggers, type TriggerCaller } from './triggers';
import { triggerUserAttributes } from './user-attributes';
import type { UserRecord, UserStore } from './user-store';

export interface InitiateAuthInput {
  readonly AuthFlow: string;
  readonly ClientId: string;
  readonly AuthParameters?: Readonly<Record<string, string>> | undefined;
  readonly ClientMetadata?: Record<string, string> | undefined;
}

export interface RespondToAuthChallengeInput {
  readonly ClientId: string;
  readonly ChallengeName: string;
  readonly Session?: string | undefined;
  readonly ChallengeResponses?: Readonly<Record<string, string>> | undefined;
  readonly ClientMetadata?: Record<string, string> | undefined;
}

export interface GetTokensFromRefreshTokenInput {
  readonly RefreshToken: string;
  readonly ClientId: string;
  readonly ClientSecret?: string | undefined;
  /** Accepted and ignored: the pool tracks no devices. */
  readonly DeviceKey?: string | undefined;
  /** Accepted and ignored: the pool has no pre token generation trigger to hand it to. */
  readonly ClientMetadata?: Record<string, string> | undefined;
}

/** What InitiateAuth and RespondToAuthChallenge answer. */
export type AuthStep =
  | { readonly AuthenticationResult: AuthenticationResult; readonly ChallengeParameters: Record<string, never> }
  | { readonly ChallengeName: string; readonly Session: string; readonly ChallengeParameters: Record<string, string> };

/** A session not yet stored: the state of the sign-in between two trigger rounds. */
type FlowState = Omit<AuthSession, 'pending'>;

/** How far a client's clock may be from ours in an SRP `TIMESTAMP`. */
const TIMESTAMP_SKEW_MS = 15 * 60 * 1000;
const DECOY_CACHE_SIZE = 1000;
const SRP_A_ENTRY: SessionEntry = { challengeName: 'SRP_A', challengeResult: true, challengeMetadata: null };

export interface AuthFlowDependencies {
  readonly settings: PoolSettings;
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly triggers: CognitoTriggers;
  readonly tokens: TokenService;
}

/**
 * InitiateAuth and RespondToAuthChallenge: the CUSTOM_AUTH loop of
 * Define → Create → Verify → Define (with or without an SRP_A start and a
 * PASSWORD_VERIFIER step) and REFRESH_TOKEN_AUTH: the only flows the app
 * client allows. Every other flow is refused before it reads a parameter.
 */
export class AuthFlows {
  private readonly decoys = new Map<string, PasswordVerifier>();

  constructor(private readonly deps: AuthFlowDependencies) {}

  async initiateAuth(input: InitiateAuthInput): Promise<AuthStep> {
    const { settings } = this.deps;
    assertClient(settings, input.ClientId);
    if (!ENABLED_AUTH_FLOWS.has(input.AuthFlow)) throw authFlowNotEnabled(input.AuthFlow);
    const parameters = input.AuthParameters ?? {};
    if (input.AuthFlow === 'REFRESH_TOKEN_AUTH' || input.AuthFlow === 'REFRESH_TOKEN') {
      return { AuthenticationResult: await this.refresh(input.ClientId, required(parameters, 'REFRESH_TOKEN')), ChallengeParameters: {} };
    }
    const typedName = required(parameters, 'USERNAME');
    const srpA = parameters['SRP_A'] === undefined ? undefined : parseSrpA(parameters['SRP_A']);
    if (parameters['SRP_A'] !== undefined && srpA === undefined) throw errors.invalidParameter('Invalid SRP_A');
    const user = this.deps.users.find(typedName);
    const state: FlowState = {
      clientId: input.ClientId,
      username: user?.username ?? typedName,
      // PreventUserExistenceErrors = ENABLED: carry on as if the user existed.
      userNotFound: user === undefined,
      srpA,
      history: [],
    };
    // CUSTOM_AUTH refuses an unconfirmed user before any trigger runs.
    if (user?.status === 'UNCONFIRMED') throw errors.userNotConfirmed();
    // ClientMetadata given to InitiateAuth reaches neither Define nor Create.
    return this.nextRound(srpA === undefined ? state : { ...state, history: [SRP_A_ENTRY] }, undefined);
  }

  /**
   * GetTokensFromRefreshToken (what Amplify Flutter 2.7+ refreshes with): the
   * same check and answer as REFRESH_TOKEN_AUTH, without refresh token
   * rotation, so no new refresh token.
   */
  async getTokensFromRefreshToken(input: GetTokensFromRefreshTokenInput): Promise<{ readonly AuthenticationResult: AuthenticationResult }> {
    assertClient(this.deps.settings, input.ClientId);
    // The app client has no secret: a request that brings one cannot be for it.
    if (input.ClientSecret !== undefined) throw errors.notAuthorized(`Unable to verify secret hash for client ${input.ClientId}`);
    return { AuthenticationResult: await this.refresh(input.ClientId, input.RefreshToken) };
  }

  async respondToAuthChallenge(input: RespondToAuthChallengeInput): Promise<AuthStep> {
    const { settings, sessions } = this.deps;
    assertClient(settings, input.ClientId);
    const responses = input.ChallengeResponses ?? {};
    const token = input.Session ?? sessionTokenFromSecretBlock(input.ChallengeName, responses);
    if (token === undefined) throw errors.missingAuthParameter('Session');
    const session = sessions.peek(token);
    if (session === undefined) throw sessions.hasExpired(token) ? errors.expiredSession() : errors.invalidSession();
    if (session.clientId !== input.ClientId) throw errors.invalidSession();
    if (input.ChallengeName !== session.pending.name) {
      throw errors.invalidParameter(`Invalid challenge name ${input.ChallengeName}: the session expects ${session.pending.name}`);
    }
    // Parameter errors leave the session usable; anything past this point spends it.
    const typedName = required(responses, 'USERNAME');
    const checked = checkChallengeResponses(session, responses);
    sessions.take(token);
    if (typedName.toLowerCase() !== session.username.toLowerCase()) throw errors.invalidSession();

    const pending = session.pending;
    switch (pending.name) {
      case 'CUSTOM_CHALLENGE': {
        const user = this.currentUser(session);
        const answerCorrect = await this.deps.triggers.verify(
          this.caller(session, user),
          pending.privateChallengeParameters,
          checked.answer!,
          input.ClientMetadata,
        );
        const entry: SessionEntry = { challengeName: 'CUSTOM_CHALLENGE', challengeResult: answerCorrect, challengeMetadata: pending.challengeMetadata };
        return this.nextRound({ ...session, history: [...session.history, entry] }, input.ClientMetadata);
      }
      case 'PASSWORD_VERIFIER': {
        // The SRP check runs for unknown users too, so that they take as long as a wrong password.
        const proven = verifyPasswordClaim({
          poolName: settings.poolName,
          userIdForSrp: pending.userIdForSrp,
          srpA: session.srpA!,
          challenge: pending.challenge,
          verifier: pending.verifier,
          secretBlock: pending.secretBlock,
          timestamp: formatSrpTimestamp(checked.timestamp!),
          signature: responses['PASSWORD_CLAIM_SIGNATURE']!,
        });
        const verified =
          proven &&
          !session.userNotFound &&
          Math.abs(checked.timestamp!.getTime() - Date.now()) <= TIMESTAMP_SKEW_MS &&
          sameBytes(Buffer.from(responses['PASSWORD_CLAIM_SECRET_BLOCK']!, 'base64'), pending.secretBlock);
        if (!verified) throw errors.incorrectCredentials();
        // A proven password is one more step of CUSTOM_AUTH, never tokens by itself: Define decides what comes next.
        const entry: SessionEntry = { challengeName: 'PASSWORD_VERIFIER', challengeResult: true, challengeMetadata: null };
        return this.nextRound({ ...session, history: [...session.history, entry] }, input.ClientMetadata);
      }
    }
  }

  /** Calls Define with the session so far and carries out its decision. */
  private async nextRound(state: FlowState, clientMetadata: Record<string, string> | undefined): Promise<AuthStep> {
    const { triggers, sessions } = this.deps;
    const user = this.currentUser(state);
    const caller = this.caller(state, user);
    const decision = await triggers.define(caller, state.history, clientMetadata);
    if (decision.failAuthentication) throw errors.incorrectCredentials();
    if (decision.issueTokens) {
      // Cognito never issues tokens for a user it did not find, whatever Define says.
      if (user === undefined) throw errors.incorrectCredentials();
      return this.tokensFor(user, state.clientId, this.deps.tokens.newGrant());
    }
    if (decision.challengeName === 'PASSWORD_VERIFIER') {
      // Cognito's own SRP step needs the client's SRP_A: a session that started without one cannot take it.
      if (state.srpA === undefined) throw unrecognizableOutput();
      return this.passwordVerifierChallenge(state, user);
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
  private passwordVerifierChallenge(state: FlowState, user: UserRecord | undefined): AuthStep {
    const { sessions } = this.deps;
    const verifier = user?.password ?? this.decoyVerifier(state.username);
    const secretBlock = randomBytes(48);
    const challenge = createServerChallenge(verifier);
    const session = sessions.issue(
      { ...state, pending: { name: 'PASSWORD_VERIFIER', userIdForSrp: state.username, verifier, challenge, secretBlock } },
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

  /** The decoy verifier of an unknown name, kept for the next attempts so that they cost what a real user's do. */
  private decoyVerifier(typedName: string): PasswordVerifier {
    const key = typedName.toLowerCase();
    let verifier = this.decoys.get(key);
    if (verifier === undefined) {
      verifier = decoyPasswordVerifier(createHmac('sha256', this.deps.settings.secret).update(`srp:${key}`).digest());
      if (this.decoys.size >= DECOY_CACHE_SIZE) this.decoys.delete(this.decoys.keys().next().value!);
      this.decoys.set(key, verifier);
    }
    return verifier;
  }

  private async refresh(clientId: string, refreshToken: string): Promise<AuthenticationResult> {
    const { tokens, users } = this.deps;
    const claims = await tokens.readRefreshToken(refreshToken);
    if (claims.clientId !== clientId) throw errors.notAuthorized('Invalid Refresh Token');
    const user = users.find(claims.username);
    if (user === undefined || user.sub !== claims.sub) throw errors.notAuthorized('Refresh Token has been revoked');
    if (claims.iat < user.tokensValidAfter || user.revokedTokenFamilies[claims.originJti] !== undefined) {
      throw errors.notAuthorized('Refresh Token has been revoked');
    }
    // Without refresh token rotation Cognito answers new id and access tokens only.
    return tokens.issue(user, clientId, claims, false);
  }

  private async tokensFor(user: UserRecord, clientId: string, grant: SignInGrant): Promise<AuthStep> {
    return { AuthenticationResult: await this.deps.tokens.issue(user, clientId, grant, true), ChallengeParameters: {} };
  }

  /** The user as stored now (triggers see current attributes); a user deleted mid-flow ends it. */
  private currentUser(state: FlowState): UserRecord | undefined {
    if (state.userNotFound) return undefined;
    const user = this.deps.users.find(state.username);
    if (user === undefined) throw errors.incorrectCredentials();
    return user;
  }

  private caller(state: FlowState, user: UserRecord | undefined): TriggerCaller {
    return {
      userName: state.username,
      clientId: state.clientId,
      userAttributes: user === undefined ? {} : triggerUserAttributes(user),
      userNotFound: user === undefined,
    };
  }
}

function required(parameters: Readonly<Record<string, string>>, name: string): string {
  const value = parameters[name];
  if (value === undefined || value === '') throw errors.missingAuthParameter(name);
  return value;
}

/** Checks the responses a challenge needs before its session is spent. */
function checkChallengeResponses(session: AuthSession, responses: Readonly<Record<string, string>>): { answer?: string; timestamp?: Date } {
  switch (session.pending.name) {
    case 'CUSTOM_CHALLENGE':
      return { answer: required(responses, 'ANSWER') };
    case 'PASSWORD_VERIFIER': {
      required(responses, 'PASSWORD_CLAIM_SIGNATURE');
      required(responses, 'PASSWORD_CLAIM_SECRET_BLOCK');
      const timestamp = parseSrpTimestamp(required(responses, 'TIMESTAMP'));
      if (timestamp === undefined) throw errors.invalidParameter('TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.');
      return { timestamp };
    }
  }
}

/**
 * A PASSWORD_VERIFIER session is keyed by its SECRET_BLOCK too: Cognito keeps
 * that step's state in the block, so a client may answer it without `Session`.
 */
function sessionTokenOf(secretBlock: Buffer): string {
  return secretBlock.toString('base64url');
}

function sessionTokenFromSecretBlock(challengeName: string, responses: Readonly<Record<string, string>>): string | undefined {
  const block = responses['PASSWORD_CLAIM_SECRET_BLOCK'];
  return challengeName === 'PASSWORD_VERIFIER' && block !== undefined ? sessionTokenOf(Buffer.from(block, 'base64')) : undefined;
}

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
