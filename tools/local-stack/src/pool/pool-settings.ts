import { CognitoServiceError, errors } from '../errors';

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

/** The app client's explicit auth flows, as in the infra stack. */
export const ENABLED_AUTH_FLOWS = new Set(['CUSTOM_AUTH', 'USER_SRP_AUTH', 'REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN']);

export function assertClient(settings: PoolSettings, clientId: string): void {
  if (clientId !== settings.clientId) throw errors.unknownClient(clientId);
}

export function assertPool(settings: PoolSettings, userPoolId: string): void {
  if (userPoolId !== settings.userPoolId) throw errors.unknownPool(userPoolId);
}

export function authFlowNotEnabled(flow: string): CognitoServiceError {
  return errors.invalidParameter(`${flow} flow not enabled for this client`);
}
