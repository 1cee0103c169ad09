import { randomFillSync } from 'node:crypto';
import fc from 'fast-check';
import { USER_POOL_PASSWORD_POLICY } from '@cognito-passwordless/contract';
import { generateSignUpPassword, SIGN_UP_PASSWORD_LENGTH } from '../../src/index.js';

/** A fill that replays `bytes` (then zeros), to drive the generator deterministically. */
function replay(bytes: readonly number[]): (target: Uint8Array) => void {
  let next = 0;
  return (target) => {
    for (let index = 0; index < target.length; index++) target[index] = bytes[next++] ?? 0;
  };
}

const meetsPolicy = (password: string) =>
  password.length >= USER_POOL_PASSWORD_POLICY.minimumLength &&
  /[a-z]/.test(password) &&
  /[A-Z]/.test(password) &&
  /[0-9]/.test(password) &&
  /[-_.!~*+=^]/.test(password);

describe('generateSignUpPassword', () => {
  it('makes a long password that meets the pool policy from a CSPRNG', () => {
    const password = generateSignUpPassword(randomFillSync);

    expect(password).toHaveLength(SIGN_UP_PASSWORD_LENGTH);
    expect(meetsPolicy(password)).toBe(true);
  });

  it('makes a different password each time', () => {
    const passwords = new Set(Array.from({ length: 50 }, () => generateSignUpPassword(randomFillSync)));

    expect(passwords.size).toBe(50);
  });

  it('meets the policy whatever the random bytes are', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 200, maxLength: 400 }), (bytes) => {
        // After the given bytes the fill cycles through every value, so a valid password always comes out.
        let next = 0;
        const password = generateSignUpPassword((target) => {
          for (let index = 0; index < target.length; index++, next++) target[index] = next < bytes.length ? bytes[next]! : (next * 37) % 256;
        });
        return password.length === SIGN_UP_PASSWORD_LENGTH && meetsPolicy(password);
      }),
    );
  });

  it('draws again a byte past the largest multiple of the alphabet size (no modulo bias)', () => {
    // 66 symbols: bytes 198..255 would favour the first 58 symbols, so they are skipped.
    const classes = [0, 25, 49, 57]; // one of each class: a, A, 2, -
    const body = Array.from({ length: SIGN_UP_PASSWORD_LENGTH }, (_, index) => classes[index % 4]!);
    const withRejected = body.flatMap((byte) => [255, 198, byte]);

    expect(generateSignUpPassword(replay(withRejected))).toBe(generateSignUpPassword(replay(body)));
  });
});
