import { interleave, percentile, summarize } from '../src/statistics';

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

  it('alternates between tasks', async () => {
    const order: string[] = [];
    await interleave(2, { a: () => (order.push('a'), 1), b: () => (order.push('b'), 2) });
    expect(order).toEqual(['a', 'b', 'a', 'b']);
  });
});
