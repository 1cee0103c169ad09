import { createHmac, timingSafeEqual } from 'node:crypto';

/** Bytes of random salt per code: enough that no two codes share one. */
export const CODE_SALT_BYTES = 16;

/** HMAC-SHA256 of the code keyed by its salt, so the code itself is never stored. */
export function hashCode(code: string, salt: Uint8Array): Buffer {
  return createHmac('sha256', salt).update(code, 'utf8').digest();
}

/** Constant-time comparison of a candidate code against a stored hash. */
export function codeMatchesHash(candidate: string, salt: Uint8Array, expectedHash: Uint8Array): boolean {
  const actual = hashCode(candidate, salt);
  return actual.length === expectedHash.length && timingSafeEqual(actual, expectedHash);
}
