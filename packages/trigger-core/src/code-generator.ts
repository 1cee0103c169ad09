import type { RandomSource } from './ports';

/**
 * A `length`-digit code, each digit drawn on its own from `randomInt(10)`,
 * which must be uniform (Node's `crypto.randomInt` rejects biased samples), so
 * the code is uniform over all 10^length values, leading zeros included.
 */
export function generateCode(length: number, random: Pick<RandomSource, 'randomInt'>): string {
  let code = '';
  for (let i = 0; i < length; i++) {
    const digit = random.randomInt(10);
    if (!Number.isInteger(digit) || digit < 0 || digit > 9) {
      throw new RangeError('randomInt(10) returned a value outside 0-9');
    }
    code += String(digit);
  }
  return code;
}
