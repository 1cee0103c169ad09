import { epochSeconds } from '../clock';
import { errors } from '../errors';
import { assertClient } from '../state/pool-settings';
import { attributeList } from '../state/user-attributes';
import type { UserRecord } from '../state/user-store';
import { refreshClaims } from './refresh';
import type { UserPool } from './user-pool';

/** GetUser: the user behind an access token, with its attributes. */
export async function getUser(pool: UserPool, input: { AccessToken: string }) {
  const user = await authenticate(pool, input.AccessToken);
  return { Username: user.username, UserAttributes: attributeList(user) };
}

/** GlobalSignOut: revokes every token of the user: refresh tokens stop working, access tokens fail GetUser. */
export async function globalSignOut(pool: UserPool, input: { AccessToken: string }) {
  const user = await authenticate(pool, input.AccessToken);
  // Tokens carry whole seconds: revoke this second too; later sign-ins get an iat past it.
  await pool.users.save({ ...user, tokensValidAfter: epochSeconds(pool.clock) + 1, revokedTokenFamilies: liveFamilies(pool, user) });
  return {};
}

/** RevokeToken: revokes one refresh token and the access tokens issued from it. */
export async function revokeToken(pool: UserPool, input: { Token: string; ClientId: string }) {
  const { settings, tokens, users } = pool;
  assertClient(settings, input.ClientId);
  const reading = await tokens.readRefreshToken(input.Token);
  // An expired token is already as good as revoked.
  if (reading.status === 'expired') return {};
  const claims = refreshClaims(reading);
  if (claims.clientId !== input.ClientId) throw errors.notAuthorized('Invalid Refresh Token');
  const user = users.find(claims.username);
  if (user !== undefined && user.sub === claims.sub) {
    await users.save({ ...user, revokedTokenFamilies: { ...liveFamilies(pool, user), [claims.originJti]: claims.exp } });
  }
  return {};
}

/** The user behind a valid access token that neither GlobalSignOut nor RevokeToken revoked. */
async function authenticate(pool: UserPool, accessToken: string): Promise<UserRecord> {
  const reading = await pool.tokens.readAccessToken(accessToken);
  if (reading.status !== 'valid') throw errors.notAuthorized(reading.status === 'expired' ? 'Access Token has expired' : 'Invalid Access Token');
  const claims = reading.claims;
  const user = pool.users.find(claims.username);
  if (user === undefined || user.sub !== claims.sub) throw errors.userNotFound();
  if (claims.iat < user.tokensValidAfter || user.revokedTokenFamilies[claims.origin_jti] !== undefined) {
    throw errors.notAuthorized('Access Token has been revoked');
  }
  return user;
}

/** The user's revoked refresh token families that could still be presented (the expired ones are dropped). */
function liveFamilies(pool: UserPool, user: UserRecord): Record<string, number> {
  const now = epochSeconds(pool.clock);
  return Object.fromEntries(Object.entries(user.revokedTokenFamilies).filter(([, expiresAt]) => expiresAt > now));
}
