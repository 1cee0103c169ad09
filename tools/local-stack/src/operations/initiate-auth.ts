import { parseSrpA } from '../crypto/srp';
import { errors } from '../errors';
import { assertClient, authFlowNotEnabled, ENABLED_AUTH_FLOWS } from '../state/pool-settings';
import type { SessionEntry } from '../state/sessions';
import { nextRound, type AuthStep, type FlowState } from './auth-round';
import { refresh } from './refresh';
import type { UserPool } from './user-pool';

export interface InitiateAuthInput {
  readonly AuthFlow: string;
  readonly ClientId: string;
  readonly AuthParameters?: Readonly<Record<string, string>> | undefined;
  readonly ClientMetadata?: Record<string, string> | undefined;
}

const SRP_A_ENTRY: SessionEntry = { challengeName: 'SRP_A', challengeResult: true, challengeMetadata: null };

/**
 * InitiateAuth: CUSTOM_AUTH (with or without an SRP_A start) and
 * REFRESH_TOKEN_AUTH, the only flows the app client allows. Every other flow
 * is refused before it reads a parameter.
 */
export async function initiateAuth(pool: UserPool, input: InitiateAuthInput): Promise<AuthStep> {
  assertClient(pool.settings, input.ClientId);
  if (!ENABLED_AUTH_FLOWS.has(input.AuthFlow)) throw authFlowNotEnabled(input.AuthFlow);
  const parameters = input.AuthParameters ?? {};
  if (input.AuthFlow === 'REFRESH_TOKEN_AUTH' || input.AuthFlow === 'REFRESH_TOKEN') {
    return { AuthenticationResult: await refresh(pool, input.ClientId, requiredParameter(parameters, 'REFRESH_TOKEN')), ChallengeParameters: {} };
  }
  const typedName = requiredParameter(parameters, 'USERNAME');
  const srpAText = parameters['SRP_A'];
  const srpA = srpAText === undefined ? undefined : parseSrpA(srpAText);
  if (srpAText !== undefined && srpA === undefined) throw errors.invalidParameter('Invalid SRP_A');
  const user = pool.users.find(typedName);
  const state: FlowState = {
    clientId: input.ClientId,
    username: user?.username ?? typedName,
    // PreventUserExistenceErrors = ENABLED: carry on as if the user existed.
    userNotFound: user === undefined,
    srpA,
    history: srpA === undefined ? [] : [SRP_A_ENTRY],
  };
  // CUSTOM_AUTH refuses an unconfirmed user before any trigger runs.
  if (user?.status === 'UNCONFIRMED') throw errors.userNotConfirmed();
  // ClientMetadata given to InitiateAuth reaches neither Define nor Create.
  return nextRound(pool, state, undefined);
}

function requiredParameter(parameters: Readonly<Record<string, string>>, name: string): string {
  const value = parameters[name];
  if (value === undefined || value === '') throw errors.missingAuthParameter(name);
  return value;
}
