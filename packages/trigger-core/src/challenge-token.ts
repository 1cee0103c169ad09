import { CHALLENGE_KEY_BYTES } from './code-hash';

/**
 * What Create hands to Verify (in `privateChallengeParameters`) and to its own
 * later rounds (in `challengeMetadata`, which Cognito shows back in the
 * session): which challenge of the user's state this is, when it was issued,
 * and the random key of its code's HMAC. The hash itself is only in the state
 * table, so an event or a logged token cannot be used to test guesses.
 *
 * Every challenge looks alike here, whether a real code was emailed or not.
 *
 * Format: `v2.<issuedAtMs>.<challenge id base64url>.<key base64url>`.
 */
export interface ChallengeToken {
  readonly issuedAtMs: number;
  /** 12 random bytes, base64url: the challenge's entry in the user's state. */
  readonly id: string;
  readonly key: Buffer;
}

export const CHALLENGE_ID_BYTES = 12;
const TOKEN_PATTERN = /^v2\.([0-9]{1,15})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/;

export function encodeChallengeToken(token: ChallengeToken): string {
  return `v2.${token.issuedAtMs}.${token.id}.${token.key.toString('base64url')}`;
}

/** The token, or undefined for anything this module did not write. */
export function decodeChallengeToken(value: unknown): ChallengeToken | undefined {
  if (typeof value !== 'string') return undefined;
  const match = TOKEN_PATTERN.exec(value);
  if (!match) return undefined;
  const [, issuedAt, id, key] = match as unknown as [string, string, string, string];
  const token: ChallengeToken = { issuedAtMs: Number(issuedAt), id, key: Buffer.from(key, 'base64url') };
  return token.key.length === CHALLENGE_KEY_BYTES ? token : undefined;
}

/**
 * Whether the code issued at `issuedAtMs` is still valid at `nowMs`. Create
 * and Verify run on different hosts, so a `nowMs` a little before the issue
 * time is clock skew, not an error.
 */
export function isTokenLive(token: Pick<ChallengeToken, 'issuedAtMs'>, nowMs: number, ttlSeconds: number): boolean {
  return nowMs <= token.issuedAtMs + ttlSeconds * 1000;
}

/** The key under which the token travels in `privateChallengeParameters`. */
export const PRIVATE_CHALLENGE_KEY = 'challenge';
