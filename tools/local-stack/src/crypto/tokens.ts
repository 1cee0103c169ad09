import { randomUUID } from 'node:crypto';
import { EncryptJWT, errors as joseErrors, importJWK, jwtDecrypt, jwtVerify, SignJWT, type CryptoKey, type JWK } from 'jose';
import { dateAt, epochSeconds, systemClock, type Clock } from '../clock';
import type { PoolIdentity } from '../state/pool-identity';
import type { UserRecord } from '../state/user-store';

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

/** What reading a token found: its claims, or why there are none (the caller words the refusal). */
export type TokenReading<C> = { readonly status: 'valid'; readonly claims: C } | { readonly status: 'expired' } | { readonly status: 'invalid' };

const BOOLEAN_ATTRIBUTES = new Set(['email_verified', 'phone_number_verified']);

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
    private readonly clock: Clock,
  ) {}

  static async create(identity: PoolIdentity, issuer: string, validity: TokenValidity, clock: Clock = systemClock): Promise<TokenService> {
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
      clock,
    );
  }

  /** A new sign-in of `user` through `clientId`. */
  newGrant(): SignInGrant {
    return { originJti: randomUUID(), authTime: epochSeconds(this.clock) };
  }

  async issue(user: UserRecord, clientId: string, grant: SignInGrant, withRefreshToken: boolean): Promise<AuthenticationResult> {
    // A sign-in in the same second as a GlobalSignOut must not look revoked.
    const iat = Math.max(epochSeconds(this.clock), user.tokensValidAfter);
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

  /** The claims of a valid, unexpired access token of this pool. */
  async readAccessToken(token: string): Promise<TokenReading<AccessTokenClaims>> {
    return reading(async () => {
      const { payload } = await jwtVerify(token, this.verificationKey, { issuer: this.issuer, algorithms: ['RS256'], currentDate: this.currentDate() });
      const { sub, username, client_id, origin_jti, iat, token_use } = payload;
      if (token_use !== 'access' || typeof sub !== 'string' || typeof username !== 'string' || typeof client_id !== 'string'
        || typeof origin_jti !== 'string' || typeof iat !== 'number') {
        return undefined;
      }
      return { sub, username, client_id, origin_jti, iat };
    });
  }

  /** The claims of an unexpired refresh token this pool issued (not a tampered one). */
  async readRefreshToken(token: string): Promise<TokenReading<RefreshTokenClaims>> {
    return reading(async () => {
      const { payload } = await jwtDecrypt(token, this.refreshKey, {
        keyManagementAlgorithms: ['dir'],
        contentEncryptionAlgorithms: ['A256GCM'],
        currentDate: this.currentDate(),
      });
      const { sub, username, client_id, origin_jti, auth_time, iat, exp } = payload;
      if (typeof sub !== 'string' || typeof username !== 'string' || typeof client_id !== 'string' || typeof origin_jti !== 'string'
        || typeof auth_time !== 'number' || typeof iat !== 'number' || typeof exp !== 'number') {
        return undefined;
      }
      return { sub, username, clientId: client_id, originJti: origin_jti, authTime: auth_time, iat, exp };
    });
  }

  /** jose checks `exp` against this instead of the wall clock. */
  private currentDate(): Date {
    return dateAt(this.clock.now());
  }
}

/** Runs a token read; jose's own errors become `expired` or `invalid`, and undefined claims `invalid`. */
async function reading<C>(read: () => Promise<C | undefined>): Promise<TokenReading<C>> {
  try {
    const claims = await read();
    return claims === undefined ? { status: 'invalid' } : { status: 'valid', claims };
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) return { status: 'expired' };
    if (error instanceof joseErrors.JOSEError) return { status: 'invalid' };
    throw error;
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
