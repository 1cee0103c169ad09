import { createHmac, timingSafeEqual } from 'node:crypto';

/** Bytes of random salt per code: enough that no two codes share one. */
export const CODE_SALT_BYTES = 16;

/**
 * HMAC-SHA256 keyed by the salt over the issue time and the code, so the code
 * itself is never stored and the issue time cannot be moved without breaking
 * the hash.
 */
export function hashCode(code: string, salt: Uint8Array, issuedAtMs: number): Buffer {
  return createHmac('sha256', salt).update(`${issuedAtMs}:${code}`, 'utf8').digest();
}

/** Constant-time comparison of a candidate code against a stored hash. */
export function codeMatchesHash(candidate: string, salt: Uint8Array, issuedAtMs: number, expectedHash: Uint8Array): boolean {
  const actual = hashCode(candidate, salt, issuedAtMs);
  return actual.length === expectedHash.length && timingSafeEqual(actual, expectedHash);
}
