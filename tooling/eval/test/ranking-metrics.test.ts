import { describe, expect, it } from 'vitest';
import { dcgAt, hitAt, ndcgAt, reciprocalRank } from '../src/metrics/ranking.js';
import { fraction, mean, percentile } from '../src/metrics/summary.js';

describe('ranking metrics (hand-computed)', () => {
  it('DCG discounts by log2(rank + 1)', () => {
    // ranks 1 and 3 relevant: 1/log2(2) + 1/log2(4) = 1 + 0.5
    expect(dcgAt([true, false, true, false, false], 5)).toBeCloseTo(1.5, 10);
    expect(dcgAt([false, false, false, false, false, true], 5)).toBe(0);
  });

  it('nDCG@5 uses an ideal ranking of min(5, relevant) hits', () => {
    // 2 relevant in the collection, found at ranks 1 and 3: 1.5 / (1 + 1/log2(3)) = 1.5 / 1.6309…
    expect(ndcgAt([true, false, true, false, false], 2, 5)).toBeCloseTo(1.5 / (1 + 1 / Math.log2(3)), 10);
    // 10 relevant, one found at rank 2: (1/log2(3)) / Σ_{i=1..5} 1/log2(i+1) = 0.63093 / 2.94820
    expect(ndcgAt([false, true], 10, 5)).toBeCloseTo(0.6309297535714575 / 2.9484591188793923, 10);
    expect(ndcgAt([true, true, true, true, true], 7, 5)).toBeCloseTo(1, 10);
  });

  it('nDCG is undefined when nothing is relevant', () => {
    expect(ndcgAt([false, false], 0, 5)).toBeNaN();
  });

  it('hit@k and reciprocal rank', () => {
    expect(hitAt([false, false, false, false, true], 5)).toBe(1);
    expect(hitAt([false, false, false, false, false, true], 5)).toBe(0);
    expect(reciprocalRank([false, false, true])).toBeCloseTo(1 / 3, 10);
    expect(reciprocalRank([false, false])).toBe(0);
  });

  it('MRR over three queries', () => {
    const rankings = [[true], [false, true], [false, false, false]];
    expect(mean(rankings.map(reciprocalRank))).toBeCloseTo((1 + 0.5 + 0) / 3, 10);
  });
});

describe('summaries', () => {
  it('nearest-rank percentiles', () => {
    const values = [5, 1, 4, 2, 3, 6, 7, 8, 9, 10];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 95)).toBe(10);
    expect(percentile([42], 95)).toBe(42);
    expect(percentile([], 50)).toBe(0);
  });

  it('mean and fraction of nothing are 0', () => {
    expect(mean([])).toBe(0);
    expect(fraction([true, false, true, true])).toBe(0.75);
  });
});
