import type { AuthenticationResult, RefreshTokenClaims, TokenReading } from '../crypto/tokens';
import { errors, type NotAuthorizedException } from '../errors';
import { assertClient } from '../state/pool-settings';
import type { UserPool } from './user-pool';

export interface GetTokensFromRefreshTokenInput {
  readonly RefreshToken: string;
  readonly ClientId: string;
  readonly ClientSecret?: string | undefined;
  /** Accepted and ignored: the pool tracks no devices. */
  readonly DeviceKey?: string | undefined;
  /** Accepted and ignored: the pool has no pre token generation trigger to hand it to. */
  readonly ClientMetadata?: Record<string, string> | undefined;
}

/**
 * GetTokensFromRefreshToken (what Amplify Flutter 2.7+ refreshes with): the
 * same check and answer as REFRESH_TOKEN_AUTH, without refresh token
 * rotation, so no new refresh token.
 */
export async function getTokensFromRefreshToken(
  pool: UserPool,
  input: GetTokensFromRefreshTokenInput,
): Promise<{ readonly AuthenticationResult: AuthenticationResult }> {
  assertClient(pool.settings, input.ClientId);
  // The app client has no secret: a request that brings one cannot be for it.
  if (input.ClientSecret !== undefined) throw errors.notAuthorized(`Unable to verify secret hash for client ${input.ClientId}`);
  return { AuthenticationResult: await refresh(pool, input.ClientId, input.RefreshToken) };
}

/** New id and access tokens for a live, unrevoked refresh token of this client. */
export async function refresh(pool: UserPool, clientId: string, refreshToken: string): Promise<AuthenticationResult> {
  const { tokens, users } = pool;
  const claims = refreshClaims(await tokens.readRefreshToken(refreshToken));
  if (claims.clientId !== clientId) throw errors.notAuthorized('Invalid Refresh Token');
  const user = users.find(claims.username);
  if (user === undefined || user.sub !== claims.sub) throw errors.notAuthorized('Refresh Token has been revoked');
  if (claims.iat < user.tokensValidAfter || user.revokedTokenFamilies[claims.originJti] !== undefined) {
    throw errors.notAuthorized('Refresh Token has been revoked');
  }
  // Without refresh token rotation Cognito answers new id and access tokens only.
  return tokens.issue(user, clientId, claims, false);
}

/** The claims of a readable refresh token, or Cognito's refusal. */
export function refreshClaims(reading: TokenReading<RefreshTokenClaims>): RefreshTokenClaims {
  if (reading.status === 'valid') return reading.claims;
  throw refreshRefusal(reading.status);
}

function refreshRefusal(status: 'expired' | 'invalid'): NotAuthorizedException {
  return errors.notAuthorized(status === 'expired' ? 'Refresh Token has expired' : 'Invalid Refresh Token');
}
