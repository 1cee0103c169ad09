import { CODE_SALT_BYTES } from './code-hash';

/**
 * What Create hands to Verify (in `privateChallengeParameters`) and to its own
 * later rounds (in `challengeMetadata`, which Cognito shows back in the
 * session): the code's salted hash and issue time, never the code.
 *
 * A decoy is the challenge given when no code was sent (unknown user, no
 * usable address, malformed event): it looks the same to the client, expires
 * the same way, and Verify accepts no answer to it.
 *
 * Format: `v1.<c|d>.<issuedAtMs>.<salt base64url>.<hash base64url>`.
 */
export interface ChallengeToken {
  readonly kind: 'code' | 'decoy';
  readonly issuedAtMs: number;
  readonly salt: Buffer;
  readonly hash: Buffer;
}

const HASH_BYTES = 32;
const TOKEN_PATTERN = /^v1\.([cd])\.([0-9]{1,15})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

export function encodeChallengeToken(token: ChallengeToken): string {
  const kind = token.kind === 'code' ? 'c' : 'd';
  return `v1.${kind}.${token.issuedAtMs}.${token.salt.toString('base64url')}.${token.hash.toString('base64url')}`;
}

/** The token, or undefined for anything this module did not write. */
export function decodeChallengeToken(value: unknown): ChallengeToken | undefined {
  if (typeof value !== 'string') return undefined;
  const match = TOKEN_PATTERN.exec(value);
  if (!match) return undefined;
  const [, kind, issuedAt, salt, hash] = match as unknown as [string, string, string, string, string];
  const token: ChallengeToken = {
    kind: kind === 'c' ? 'code' : 'decoy',
    issuedAtMs: Number(issuedAt),
    salt: Buffer.from(salt, 'base64url'),
    hash: Buffer.from(hash, 'base64url'),
  };
  if (token.salt.length !== CODE_SALT_BYTES || token.hash.length !== HASH_BYTES) return undefined;
  return token;
}

/**
 * Whether the code (or decoy) issued at `issuedAtMs` is still valid at `nowMs`.
 * Create and Verify run on different hosts, so a `nowMs` a little before the
 * issue time is clock skew, not an error.
 */
export function isTokenLive(token: ChallengeToken, nowMs: number, ttlSeconds: number): boolean {
  return nowMs <= token.issuedAtMs + ttlSeconds * 1000;
}

/** The key under which the token travels in `privateChallengeParameters`. */
export const PRIVATE_CHALLENGE_KEY = 'challenge';
