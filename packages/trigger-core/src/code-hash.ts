import { createHmac, timingSafeEqual } from 'node:crypto';

/** Bytes of the random per-challenge key: the code's hash is useless without it. */
export const CHALLENGE_KEY_BYTES = 32;
export const CODE_HASH_BYTES = 32;

/**
 * HMAC-SHA256 keyed by the challenge's random key over the issue time and the
 * code. The key travels only in the event (private parameters and metadata),
 * the hash only in the state table: neither alone lets a guess be checked.
 */
export function hashCode(code: string, key: Uint8Array, issuedAtMs: number): Buffer {
  return createHmac('sha256', key).update(`${issuedAtMs}:${code}`, 'utf8').digest();
}

/** Constant-time comparison of a candidate code against a stored hash. */
export function codeMatchesHash(candidate: string, key: Uint8Array, issuedAtMs: number, expectedHash: Uint8Array): boolean {
  const actual = hashCode(candidate, key, issuedAtMs);
  return actual.length === expectedHash.length && timingSafeEqual(actual, expectedHash);
}
