import { randomInt } from 'node:crypto';
import { generateCode } from '../src';

describe('generateCode', () => {
  it('draws one digit per position, leading zeros included', () => {
    const digits = [0, 0, 7, 1, 9, 3];
    expect(generateCode(6, { randomInt: () => digits.shift()! })).toBe('007193');
  });

  it('asks for digits below 10 only', () => {
    const bounds: number[] = [];
    generateCode(8, { randomInt: (max) => (bounds.push(max), 5) });
    expect(bounds).toEqual(Array(8).fill(10));
  });

  it('refuses a random source that returns a value outside 0-9', () => {
    expect(() => generateCode(6, { randomInt: () => 10 })).toThrow(RangeError);
    expect(() => generateCode(6, { randomInt: () => 1.5 })).toThrow(RangeError);
  });

  it('spreads digits evenly with the CSPRNG (chi-square over 60,000 digits)', () => {
    const counts = Array(10).fill(0);
    for (let i = 0; i < 10_000; i++) for (const d of generateCode(6, { randomInt })) counts[Number(d)]++;
    const expected = 6_000;
    const chiSquare = counts.reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0);
    // 9 degrees of freedom: above 33.7 happens by chance once in 10,000 runs.
    expect(chiSquare).toBeLessThan(33.7);
  });
});
