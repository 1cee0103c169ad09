import { randomUUID } from 'node:crypto';
import { EncryptJWT, errors as joseErrors, importJWK, jwtDecrypt, jwtVerify, SignJWT, type CryptoKey, type JWK } from 'jose';
import { errors } from '../errors';
import type { PoolIdentity } from './pool-identity';
import type { UserRecord } from './user-store';

export interface TokenValidity {
  readonly accessTokenSeconds: number;
  readonly idTokenSeconds: number;
  readonly refreshTokenSeconds: number;
}

/** The infra app client's settings: access and id tokens 60 minutes, refresh tokens 30 days. */
export const DEFAULT_TOKEN_VALIDITY: TokenValidity = Object.freeze({
  accessTokenSeconds: 3600,
  idTokenSeconds: 3600,
  refreshTokenSeconds: 30 * 24 * 3600,
});

/** `AuthenticationResult` as Cognito answers it. */
export interface AuthenticationResult {
  readonly AccessToken: string;
  readonly IdToken: string;
  readonly RefreshToken?: string;
  readonly ExpiresIn: number;
  readonly TokenType: 'Bearer';
}

/** One sign-in: every token refreshed from it shares `origin_jti` and `auth_time`. */
export interface SignInGrant {
  readonly originJti: string;
  readonly authTime: number;
}

export interface AccessTokenClaims {
  readonly sub: string;
  readonly username: string;
  readonly client_id: string;
  readonly origin_jti: string;
  readonly iat: number;
}

export interface RefreshTokenClaims extends SignInGrant {
  readonly sub: string;
  readonly username: string;
  readonly clientId: string;
  readonly iat: number;
  readonly exp: number;
}

const BOOLEAN_ATTRIBUTES = new Set(['email_verified', 'phone_number_verified']);
const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * Issues and reads the pool's tokens: id and access tokens are RS256 JWTs
 * with Cognito's claims, signed with the pool key published in the JWKS;
 * refresh tokens are opaque to clients (JWE, as Cognito's are), so issuing one
 * needs no write to the data folder; revocation is recorded per user.
 */
export class TokenService {
  private constructor(
    private readonly signingKey: CryptoKey,
    private readonly verificationKey: CryptoKey,
    private readonly refreshKey: Uint8Array,
    private readonly kid: string,
    readonly issuer: string,
    readonly jwks: { readonly keys: readonly JWK[] },
    private readonly validity: TokenValidity,
  ) {}

  static async create(identity: PoolIdentity, issuer: string, validity: TokenValidity): Promise<TokenService> {
    const { kid, kty, n, e } = identity.signingKey;
    const publicJwk: JWK = { alg: 'RS256', e, kid, kty, n, use: 'sig' };
    return new TokenService(
      (await importJWK({ ...identity.signingKey, alg: 'RS256' }, 'RS256')) as CryptoKey,
      (await importJWK(publicJwk, 'RS256')) as CryptoKey,
      new Uint8Array(Buffer.from(identity.refreshTokenKey, 'base64')),
      kid,
      issuer,
      Object.freeze({ keys: Object.freeze([Object.freeze(publicJwk)]) }),
      validity,
    );
  }

  /** A new sign-in of `user` through `clientId`. */
  newGrant(): SignInGrant {
    return { originJti: randomUUID(), authTime: nowSeconds() };
  }

  async issue(user: UserRecord, clientId: string, grant: SignInGrant, withRefreshToken: boolean): Promise<AuthenticationResult> {
    // A sign-in in the same second as a GlobalSignOut must not look revoked.
    const iat = Math.max(nowSeconds(), user.tokensValidAfter);
    const common = { sub: user.sub, origin_jti: grant.originJti, event_id: randomUUID(), auth_time: grant.authTime };
    const header = { alg: 'RS256', kid: this.kid };
    const [accessToken, idToken, refreshToken] = await Promise.all([
      new SignJWT({
        ...common,
        client_id: clientId,
        token_use: 'access',
        scope: 'aws.cognito.signin.user.admin',
        username: user.username,
      })
        .setProtectedHeader(header)
        .setIssuer(this.issuer)
        .setIssuedAt(iat)
        .setExpirationTime(iat + this.validity.accessTokenSeconds)
        .setJti(randomUUID())
        .sign(this.signingKey),
      new SignJWT({ ...idTokenAttributes(user), ...common, 'cognito:username': user.username, token_use: 'id' })
        .setProtectedHeader(header)
        .setIssuer(this.issuer)
        .setAudience(clientId)
        .setIssuedAt(iat)
        .setExpirationTime(iat + this.validity.idTokenSeconds)
        .setJti(randomUUID())
        .sign(this.signingKey),
      withRefreshToken
        ? new EncryptJWT({ sub: user.sub, username: user.username, client_id: clientId, origin_jti: grant.originJti, auth_time: grant.authTime })
            .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', cty: 'JWT' })
            .setIssuedAt(iat)
            .setExpirationTime(iat + this.validity.refreshTokenSeconds)
            .encrypt(this.refreshKey)
        : undefined,
    ]);
    return {
      AccessToken: accessToken,
      IdToken: idToken,
      ...(refreshToken === undefined ? {} : { RefreshToken: refreshToken }),
      ExpiresIn: this.validity.accessTokenSeconds,
      TokenType: 'Bearer',
    };
  }

  /** The claims of a valid, unexpired access token of this pool; `NotAuthorizedException` otherwise. */
  async readAccessToken(token: string): Promise<AccessTokenClaims> {
    try {
      const { payload } = await jwtVerify(token, this.verificationKey, { issuer: this.issuer, algorithms: ['RS256'] });
      const { sub, username, client_id, origin_jti, iat, token_use } = payload;
      if (token_use !== 'access' || typeof sub !== 'string' || typeof username !== 'string' || typeof client_id !== 'string'
        || typeof origin_jti !== 'string' || typeof iat !== 'number') {
        throw errors.notAuthorized('Invalid Access Token');
      }
      return { sub, username, client_id, origin_jti, iat };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw errors.notAuthorized('Access Token has expired');
      if (error instanceof joseErrors.JOSEError) throw errors.notAuthorized('Invalid Access Token');
      throw error;
    }
  }

  /** The claims of a refresh token this pool issued; `NotAuthorizedException` for a tampered or expired one. */
  async readRefreshToken(token: string): Promise<RefreshTokenClaims> {
    try {
      const { payload } = await jwtDecrypt(token, this.refreshKey, { keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'] });
      const { sub, username, client_id, origin_jti, auth_time, iat, exp } = payload;
      if (typeof sub !== 'string' || typeof username !== 'string' || typeof client_id !== 'string' || typeof origin_jti !== 'string'
        || typeof auth_time !== 'number' || typeof iat !== 'number' || typeof exp !== 'number') {
        throw errors.notAuthorized('Invalid Refresh Token');
      }
      return { sub, username, clientId: client_id, originJti: origin_jti, authTime: auth_time, iat, exp };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw errors.notAuthorized('Refresh Token has expired');
      if (error instanceof joseErrors.JOSEError) throw errors.notAuthorized('Invalid Refresh Token');
      throw error;
    }
  }
}

/** The user's attributes as the id token carries them (`*_verified` as booleans, as Cognito does). */
function idTokenAttributes(user: UserRecord): Record<string, string | boolean> {
  const claims: Record<string, string | boolean> = {};
  for (const [name, value] of Object.entries(user.attributes)) {
    if (name === 'sub') continue;
    claims[name] = BOOLEAN_ATTRIBUTES.has(name) ? value === 'true' : value;
  }
  return claims;
}
