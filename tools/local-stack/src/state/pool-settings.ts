import { APP_CLIENT_EXPLICIT_AUTH_FLOWS, type AppClientExplicitAuthFlow } from '@cognito-passwordless/contract';
import { errors, type InvalidParameterException } from '../errors';

/** The one user pool and app client the stack serves. */
export interface PoolSettings {
  readonly region: string;
  readonly userPoolId: string;
  /** The part of the pool id after `_`: SRP hashes it. */
  readonly poolName: string;
  readonly clientId: string;
  /** Secret behind decoy SRP values for unknown users and one-time code hashes. */
  readonly secret: Buffer;
}

/** The `AuthFlow` values each of the app client's explicit auth flows lets InitiateAuth start. */
const AUTH_FLOWS_ENABLED_BY: Readonly<Record<AppClientExplicitAuthFlow, readonly string[]>> = {
  ALLOW_CUSTOM_AUTH: ['CUSTOM_AUTH'],
  ALLOW_REFRESH_TOKEN_AUTH: ['REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN'],
};

/** The flows the app client allows: the infra client's explicit auth flows, from the same definition. */
export const ENABLED_AUTH_FLOWS: ReadonlySet<string> = new Set(APP_CLIENT_EXPLICIT_AUTH_FLOWS.flatMap((flow) => AUTH_FLOWS_ENABLED_BY[flow]));

/**
 * How Cognito words the refusal of a flow the client does not enable: the
 * wording differs by flow. USER_SRP_AUTH and USER_PASSWORD_AUTH are Cognito's
 * own words as clients in the field see them; the others are best guesses
 * (not checked against a live pool).
 */
const FLOW_REFUSALS: Readonly<Record<string, string>> = {
  USER_SRP_AUTH: 'USER_SRP_AUTH is not enabled for the client.',
  USER_PASSWORD_AUTH: 'USER_PASSWORD_AUTH flow not enabled for this client',
  // Best guess: the ADMIN_* flows belong to AdminInitiateAuth, which InitiateAuth does not take.
  ADMIN_NO_SRP_AUTH: 'Initiate Auth method not supported.',
  ADMIN_USER_PASSWORD_AUTH: 'Initiate Auth method not supported.',
};

export function assertClient(settings: PoolSettings, clientId: string): void {
  if (clientId !== settings.clientId) throw errors.unknownClient(clientId);
}

export function assertPool(settings: PoolSettings, userPoolId: string): void {
  if (userPoolId !== settings.userPoolId) throw errors.unknownPool(userPoolId);
}

export function authFlowNotEnabled(flow: string): InvalidParameterException {
  // Best guess for the flows not listed (USER_AUTH, and CUSTOM_AUTH or refresh on a client without them): the SRP wording.
  return errors.invalidParameter(FLOW_REFUSALS[flow] ?? `${flow} is not enabled for the client.`);
}
