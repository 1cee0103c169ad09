import { USER_POOL_PASSWORD_POLICY } from '@cognito-passwordless/contract';

/** Fills `bytes` with random values from a CSPRNG (`crypto.getRandomValues`, `node:crypto` `randomFillSync`). */
export type RandomFill = (bytes: Uint8Array) => void;

/** 40 characters from a 66-symbol alphabet: about 241 bits, far past any guessing. */
export const SIGN_UP_PASSWORD_LENGTH = 40;

const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const SYMBOLS = '-_.!~*+=^';
const CLASSES = [LOWER, UPPER, DIGITS, SYMBOLS] as const;
const ALPHABET = CLASSES.join('');

/**
 * The password a passwordless sign-up sends: Cognito requires one, but
 * nobody chooses, sees or keeps it (the user signs in with emailed codes
 * only, and no flow of the app client accepts a password alone). Long, with
 * every class the pool's policy asks for, and drawn by rejection sampling so
 * that every symbol is equally likely (no modulo bias).
 */
export function generateSignUpPassword(fill: RandomFill): string {
  if (SIGN_UP_PASSWORD_LENGTH < USER_POOL_PASSWORD_POLICY.minimumLength) throw new Error('SIGN_UP_PASSWORD_LENGTH is below the pool policy');
  for (;;) {
    const password = Array.from({ length: SIGN_UP_PASSWORD_LENGTH }, () => pick(ALPHABET, fill)).join('');
    // Redrawing the whole password keeps the distribution uniform over the passwords that meet the policy.
    if (CLASSES.every((characters) => [...password].some((character) => characters.includes(character)))) return password;
  }
}

/** One character of `characters`, uniformly: bytes at or past the largest multiple of its length are drawn again. */
function pick(characters: string, fill: RandomFill): string {
  const limit = 256 - (256 % characters.length);
  const byte = new Uint8Array(1);
  for (;;) {
    fill(byte);
    const value = byte[0] ?? limit;
    if (value < limit) return characters.charAt(value % characters.length);
  }
}
