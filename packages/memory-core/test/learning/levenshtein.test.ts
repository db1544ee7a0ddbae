import { describe, expect, it } from 'vitest';
import { levenshteinDistance, sequenceSimilarity } from '../../src/learning/patterns/levenshtein.js';

describe('levenshtein', () => {
  it('measures edit distance of strings and of arrays', () => {
    expect(levenshteinDistance('kitten', 'sitting')).toBe(3); // k→s, e→i, +g
    expect(levenshteinDistance('', 'abc')).toBe(3);
    expect(levenshteinDistance('abc', 'abc')).toBe(0);
    expect(levenshteinDistance(['read', 'edit', 'test'], ['read', 'test'])).toBe(1);
    expect(levenshteinDistance('flaw', 'lawn')).toBe(levenshteinDistance('lawn', 'flaw'));
  });

  it('stops early past the maximum distance', () => {
    expect(levenshteinDistance('kitten', 'sitting', 1)).toBe(2);
    expect(levenshteinDistance('a', 'abcdef', 2)).toBe(3);
    expect(levenshteinDistance('kitten', 'sitting', 3)).toBe(3);
  });

  it('normalises by the longer length', () => {
    expect(sequenceSimilarity('hello', 'hallo')).toBeCloseTo(0.8, 10); // 1 − 1/5
    expect(sequenceSimilarity(['a', 'b', 'c'], ['a', 'b', 'd'])).toBeCloseTo(2 / 3, 10);
    expect(sequenceSimilarity('', '')).toBe(1);
    expect(sequenceSimilarity('abc', '')).toBe(0);
    // below the requested minimum → 0
    expect(sequenceSimilarity('hello', 'hallo', 0.9)).toBe(0);
    expect(sequenceSimilarity('hello', 'hallo', 0.8)).toBeCloseTo(0.8, 10);
  });
});
