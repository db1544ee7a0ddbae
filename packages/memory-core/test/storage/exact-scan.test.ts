import { seededRandom } from '@slm/vitest-config/seeded-random';
import { describe, expect, it } from 'vitest';
import { CosineQuery } from '../../src/storage/in-memory/cosine-query.js';
import { searchVectors, TWO_PASS_ROWS } from '../../src/storage/in-memory/exact-scan.js';
import { TopK } from '../../src/storage/in-memory/top-k.js';
import { VectorIndex } from '../../src/storage/in-memory/vector-index.js';

/** The one-pass reference: every row scored exactly into one top-k. */
function onePass(
  indexes: VectorIndex[],
  query: Float32Array,
  limit: number,
  accept?: (id: string) => boolean,
) {
  const best = new TopK(limit);
  const prepared = CosineQuery.of(query);
  for (const index of indexes) index.scoreInto(prepared, best, accept);
  return best.results();
}

describe('searchVectors (two passes from TWO_PASS_ROWS rows)', () => {
  it('returns exactly the one-pass answer: ids, order and scores to the bit', () => {
    const next = seededRandom(7);
    const dimensions = 24;
    // Clustered rows with exact duplicates (ties), zero rows, sparse and dense ones, over three indexes.
    const centres = Array.from({ length: 6 }, () =>
      Float32Array.from({ length: dimensions }, () => next() * 2 - 1),
    );
    const indexes = [new VectorIndex(dimensions), new VectorIndex(dimensions), new VectorIndex(dimensions)];
    const rows = TWO_PASS_ROWS + 700;
    for (let row = 0; row < rows; row++) {
      const centre = centres[row % centres.length]!;
      const sparse = next() < 0.5;
      const vector =
        row % 97 === 0
          ? new Float32Array(dimensions)
          : row % 13 === 0
            ? Float32Array.from(centre)
            : Float32Array.from(centre, (value) =>
                sparse && next() < 0.6 ? 0 : value + (next() - 0.5) * 0.4,
              );
      indexes[row % indexes.length]!.set(`r${row}`, vector);
    }
    let compared = 0;
    for (let round = 0; round < 60; round++) {
      const centre = centres[round % centres.length]!;
      const query = Float32Array.from(centre, (value) =>
        round % 2 === 0 && next() < 0.6 ? 0 : value + (next() - 0.5) * 0.6,
      );
      const limit = [1, 5, 20, 50][round % 4]!;
      const modulus = 2 + (round % 5);
      const accept = round % 3 === 0 ? undefined : (id: string) => Number(id.slice(1)) % modulus !== 0;
      const expected = onePass(indexes, query, limit, accept);
      const actual = searchVectors(indexes, CosineQuery.of(query), limit, accept);
      expect(actual).toEqual(expected);
      for (let index = 0; index < expected.length; index++) {
        expect(Object.is(actual[index]!.score, expected[index]!.score)).toBe(true);
      }
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('answers queries that are all zero, and fewer accepted rows than the limit', () => {
    const next = seededRandom(11);
    const index = new VectorIndex(8);
    for (let row = 0; row < TWO_PASS_ROWS; row++) {
      index.set(
        `r${row}`,
        Float32Array.from({ length: 8 }, () => next() - 0.5),
      );
    }
    const zero = new Float32Array(8);
    expect(searchVectors([index], CosineQuery.of(zero), 3, undefined)).toEqual(onePass([index], zero, 3));
    const query = Float32Array.from({ length: 8 }, () => next() - 0.5);
    const few = (id: string) => id.endsWith('00');
    const found = searchVectors([index], CosineQuery.of(query), 50, few);
    expect(found).toEqual(onePass([index], query, 50, few));
    const accepted = Array.from({ length: TWO_PASS_ROWS }, (_, row) => `r${row}`).filter(few).length;
    expect(accepted).toBeLessThan(50);
    expect(found.length).toBe(accepted);
  });
});
