import { interleave, kolmogorovSmirnov, percentile, summarize } from '../src/statistics';

describe('statistics', () => {
  it('takes nearest-rank percentiles', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
  });

  it('summarizes unsorted samples', () => {
    expect(summarize([5, 1, 3])).toEqual({ runs: 3, min: 1, median: 3, p99: 5 });
  });

  it('refuses to summarize or rank no samples', () => {
    expect(() => summarize([])).toThrow(new RangeError('summary of no samples'));
    expect(() => percentile([], 50)).toThrow(new RangeError('percentile of no samples'));
  });

  it('alternates between tasks', async () => {
    const order: string[] = [];
    await interleave(2, { a: () => (order.push('a'), 1), b: () => (order.push('b'), 2) });
    expect(order).toEqual(['a', 'b', 'a', 'b']);
  });

  it('finds no difference between a sample and itself', () => {
    const sample = Array.from({ length: 50 }, (_, i) => i);
    expect(kolmogorovSmirnov(sample, sample)).toEqual({ statistic: 0, pValue: 1 });
  });

  it('separates two clearly shifted samples', () => {
    const a = Array.from({ length: 200 }, (_, i) => i);
    const b = a.map((v) => v + 100);
    const { statistic, pValue } = kolmogorovSmirnov(a, b);
    expect(statistic).toBeCloseTo(0.5, 10);
    expect(pValue).toBeLessThan(1e-10);
  });

  it('matches the textbook p-value for D = 0.2 with 100 samples each', () => {
    // λ = (√50 + 0.12 + 0.11/√50)·0.2 ≈ 1.4416; Q(λ) ≈ 0.0312.
    const a = Array.from({ length: 100 }, (_, i) => i);
    const b = a.map((v) => v + 20);
    const { statistic, pValue } = kolmogorovSmirnov(a, b);
    expect(statistic).toBeCloseTo(0.2, 10);
    expect(pValue).toBeCloseTo(0.0312, 3);
  });

  it('does not separate interleaved samples of one distribution', () => {
    const a = Array.from({ length: 200 }, (_, i) => 2 * i);
    const b = a.map((v) => v + 1);
    expect(kolmogorovSmirnov(a, b).pValue).toBeGreaterThan(0.99);
  });
});
