import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cosineSimilarity } from '../../src/embeddings/provider.js';
import { wilsonLowerBound } from '../../src/learning/wilson.js';
import { fusedRelevance, reciprocalRankFusion } from '../../src/retrieval/fusion.js';
import { maximalMarginalRelevance } from '../../src/retrieval/mmr.js';
import { estimateTokens, packWithinBudget } from '../../src/retrieval/token-budget.js';

const hits = (...ids: string[]) => ids.map((id, index) => ({ id, score: 10 - index }));

describe('reciprocal rank fusion', () => {
  it('adds 1/(k + rank) from each list', () => {
    const fused = reciprocalRankFusion([hits('a', 'b'), hits('b', 'c')], 60);
    expect(fused.get('a')).toBeCloseTo(1 / 61);
    expect(fused.get('b')).toBeCloseTo(1 / 62 + 1 / 61);
    expect(fused.get('c')).toBeCloseTo(1 / 62);
  });

  it('turns fused scores into relevance from 1 (best) towards 0 (just missed)', () => {
    const fused = reciprocalRankFusion([hits('a', 'b'), hits('b', 'c')], 60);
    const relevance = fusedRelevance(fused, 60, 2);
    // floor = 1/(60 + 2 + 1) = 1/63; b is best → 1; a: (1/61 − 1/63) / (1/62 + 1/61 − 1/63)
    expect(relevance.get('b')).toBe(1);
    expect(relevance.get('a')).toBeCloseTo((1 / 61 - 1 / 63) / (1 / 62 + 1 / 61 - 1 / 63));
    expect(relevance.get('a')!).toBeGreaterThan(relevance.get('c')!);
  });

  it('keeps relevance in [0, 1] and the order of the fused scores (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 6 }), {
          minLength: 1,
          maxLength: 3,
        }),
        (lists) => {
          const fused = reciprocalRankFusion(
            lists.map((ids) => hits(...ids)),
            60,
          );
          const relevance = fusedRelevance(fused, 60, Math.max(...lists.map((ids) => ids.length)));
          for (const [id, score] of fused) {
            const value = relevance.get(id)!;
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(1);
            for (const [other, otherScore] of fused) {
              if (score > otherScore) expect(value).toBeGreaterThanOrEqual(relevance.get(other)!);
            }
          }
        },
      ),
    );
  });
});

describe('maximal marginal relevance', () => {
  const vector = (...values: number[]) => Float32Array.from(values);

  it('lets a slightly less relevant but different item past a near-duplicate', () => {
    const candidates = [
      { id: 'a', score: 1.0, vector: vector(1, 0) },
      { id: 'a-copy', score: 0.99, vector: vector(1, 0) },
      { id: 'b', score: 0.9, vector: vector(0, 1) },
    ];
    // λ = 0.7: a-copy is worth 0.7·0.99 − 0.3·1 = 0.393, b 0.7·0.9 − 0 = 0.63.
    expect(maximalMarginalRelevance(candidates, 0.7, 2).map((item) => item.id)).toEqual(['a', 'b']);
    // λ = 1 is plain relevance order.
    expect(maximalMarginalRelevance(candidates, 1, 2).map((item) => item.id)).toEqual(['a', 'a-copy']);
  });

  it('returns at most `limit` distinct candidates (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 20 }),
        fc.nat(25),
        (scores, limit) => {
          const candidates = scores.map((score, index) => ({
            id: index,
            score,
            vector: vector(Math.cos(index), Math.sin(index)),
          }));
          const picked = maximalMarginalRelevance(candidates, 0.7, limit);
          expect(picked.length).toBe(Math.min(limit, candidates.length));
          expect(new Set(picked.map((item) => item.id)).size).toBe(picked.length);
        },
      ),
    );
  });

  it('picks exactly what the textbook definition picks: max similarity to every item picked so far (property)', () => {
    const textbook = <T extends { score: number; vector?: Float32Array }>(
      items: T[],
      lambda: number,
      limit: number,
    ) => {
      const remaining = [...items];
      const picked: T[] = [];
      while (picked.length < limit && remaining.length > 0) {
        let best = 0;
        let bestValue = Number.NEGATIVE_INFINITY;
        remaining.forEach((candidate, index) => {
          let redundancy = 0;
          for (const chosen of picked) {
            if (candidate.vector && chosen.vector)
              redundancy = Math.max(redundancy, cosineSimilarity(candidate.vector, chosen.vector));
          }
          const value = lambda * candidate.score - (1 - lambda) * redundancy;
          if (value > bestValue) {
            bestValue = value;
            best = index;
          }
        });
        picked.push(remaining.splice(best, 1)[0]!);
      }
      return picked;
    };
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            score: fc.double({ min: 0, max: 1, noNaN: true }),
            vector: fc.option(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 3, maxLength: 3 })),
          }),
          { maxLength: 25 },
        ),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(12),
        (rows, lambda, limit) => {
          const candidates = rows.map((row, id) => ({
            id,
            score: row.score,
            ...(row.vector ? { vector: Float32Array.from(row.vector) } : {}),
          }));
          const ids = (items: { id: number }[]) => items.map((item) => item.id);
          expect(ids(maximalMarginalRelevance(candidates, lambda, limit))).toEqual(
            ids(textbook(candidates, lambda, limit)),
          );
        },
      ),
    );
  });
});

describe('Wilson lower bound', () => {
  it('matches the closed form at z = 1.96 and grows with evidence', () => {
    // 8/10: p = 0.8, z² = 3.8416; (p + z²/2n − z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n)
    const z = 1.96;
    const n = 10;
    const p = 0.8;
    const expected =
      (p + (z * z) / (2 * n) - z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
    expect(wilsonLowerBound(8, 10)).toBeCloseTo(expected, 10);
    expect(wilsonLowerBound(0, 0)).toBe(0);
    expect(wilsonLowerBound(80, 100)).toBeGreaterThan(wilsonLowerBound(8, 10));
    expect(wilsonLowerBound(10, 10)).toBeLessThan(1);
  });
});

describe('token budget packing', () => {
  it('keeps items whole, compacts what does not fit, omits the rest, and never exceeds the budget', () => {
    const big = { text: 'x'.repeat(400) }; // ~104 tokens
    const small = { text: 'y'.repeat(40) }; // ~14 tokens
    const packed = packWithinBudget(
      [{ value: small }, { value: big, compact: () => ({ text: 'x'.repeat(40) }) }, { value: big }],
      40,
    );
    expect(packed.kept).toEqual([small, { text: 'x'.repeat(40) }]);
    expect(packed.omitted).toBe(1);
    expect(packed.tokens).toBe(estimateTokens(small) + estimateTokens({ text: 'x'.repeat(40) }));
    expect(packed.tokens).toBeLessThanOrEqual(40);
  });

  it('never exceeds the budget (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 300 }), { maxLength: 30 }),
        fc.nat(500),
        (texts, budget) => {
          const packed = packWithinBudget(
            texts.map((text) => ({ value: { text }, compact: () => ({ text: text.slice(0, 20) }) })),
            budget,
          );
          expect(packed.tokens).toBeLessThanOrEqual(budget);
          expect(packed.kept.length + packed.omitted).toBe(texts.length);
        },
      ),
    );
  });
});
