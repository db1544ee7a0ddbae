import { seededRandom } from '@slm/vitest-config/seeded-random';
import { describe, expect, it } from 'vitest';
import { CosineQuery } from '../../src/storage/in-memory/cosine-query.js';
import { TopK } from '../../src/storage/in-memory/top-k.js';
import { VectorIndex } from '../../src/storage/in-memory/vector-index.js';

function unit(dimensions: number, values: Record<number, number>): Float32Array {
  const vector = new Float32Array(dimensions);
  for (const [index, value] of Object.entries(values)) vector[Number(index)] = value;
  return vector;
}

describe('VectorIndex', () => {
  it('grows past its initial capacity and keeps every row intact', () => {
    const index = new VectorIndex(3);
    for (let row = 0; row < 200; row++) index.set(`v${row}`, new Float32Array([row, row + 1, row + 2]));
    expect(index.size).toBe(200);
    expect(index.get('v0')).toEqual(new Float32Array([0, 1, 2]));
    expect(index.get('v199')).toEqual(new Float32Array([199, 200, 201]));
  });

  it('moves the last row into a deleted one without losing either', () => {
    const index = new VectorIndex(2);
    index.set('a', unit(2, { 0: 1 }));
    index.set('b', unit(2, { 1: 1 }));
    index.set('c', unit(2, { 0: 1, 1: 1 }));
    expect(index.delete('a')).toBe(true);
    expect(index.delete('a')).toBe(false);
    expect(index.get('a')).toBeUndefined();
    expect(index.get('c')).toEqual(unit(2, { 0: 1, 1: 1 }));
    const hits = index.search(unit(2, { 0: 1 }), 10);
    expect(hits.map((hit) => hit.id)).toEqual(['c', 'b']);
    expect(hits[0]?.score).toBeCloseTo(Math.SQRT1_2, 6);
    expect(hits[1]?.score).toBeCloseTo(0, 6);
  });

  it('ranks by cosine, not by dot product, and honours limit and predicate', () => {
    const index = new VectorIndex(2);
    index.set('long', unit(2, { 0: 10, 1: 10 }));
    index.set('aligned', unit(2, { 0: 0.1 }));
    index.set('zero', new Float32Array(2));
    const hits = index.search(unit(2, { 0: 1 }), 2);
    expect(hits.map((hit) => hit.id)).toEqual(['aligned', 'long']);
    expect(index.search(unit(2, { 0: 1 }), 10, (id) => id !== 'aligned').map((hit) => hit.id)).toEqual([
      'long',
      'zero',
    ]);
  });

  it('replaces a vector in place and returns copies', () => {
    const index = new VectorIndex(2);
    index.set('a', unit(2, { 0: 1 }));
    index.set('a', unit(2, { 1: 1 }));
    expect(index.size).toBe(1);
    const copy = index.get('a')!;
    copy[0] = 42;
    expect(index.get('a')).toEqual(unit(2, { 1: 1 }));
  });
});

/** The reference four-lane dot product: component i in lane i mod 4, the tail past the last four in lane 0. */
function laneDot(left: Float32Array, right: Float32Array): number {
  const lane = [0, 0, 0, 0];
  const body = left.length - (left.length % 4);
  for (let index = 0; index < left.length; index++)
    lane[index < body ? index % 4 : 0]! += left[index]! * right[index]!;
  return lane[0]! + lane[1]! + lane[2]! + lane[3]!;
}

function referenceCosine(stored: Float32Array, query: Float32Array): number {
  // Stored norms are float32.
  const storedNorm = Math.fround(Math.sqrt(laneDot(stored, stored)));
  const queryNorm = Math.sqrt(laneDot(query, query));
  return storedNorm > 0 && queryNorm > 0 ? laneDot(stored, query) / (storedNorm * queryNorm) : 0;
}

describe('VectorIndex.scoreInto', () => {
  it('scores a dense query with the four-lane sums, tail included (7 dimensions)', () => {
    const stored = new Float32Array([0.1, -0.2, 0.3, 0.7, 0.05, -0.9, 0.33]);
    const query = new Float32Array([0.3, 0.1, -0.4, 0.2, 0.8, 0.6, -0.1]);
    expect(CosineQuery.of(query).nonzero).toBeUndefined();
    const index = new VectorIndex(7);
    index.set('a', stored);
    const best = new TopK(5);
    index.scoreInto(CosineQuery.of(query), best);
    expect(best.results()).toEqual([{ id: 'a', score: referenceCosine(stored, query) }]);
  });

  it('scores a sparse query over its nonzero components only, to the same bits', () => {
    const next = seededRandom(3);
    // Mostly zero, signed, tail included: 10 dimensions.
    const sparse = () => Float32Array.from({ length: 10 }, () => (next() < 0.6 ? 0 : next() * 2 - 1));
    const index = new VectorIndex(10);
    const rows = Array.from({ length: 200 }, () => sparse());
    rows.forEach((row, number) => {
      index.set(`r${number}`, row);
    });
    let sparseQueries = 0;
    for (let round = 0; round < 50; round++) {
      const query = sparse();
      const prepared = CosineQuery.of(query);
      if (prepared.nonzero) sparseQueries++;
      const best = new TopK(rows.length);
      index.scoreInto(prepared, best);
      const scores = new Map(best.results().map((hit) => [hit.id, hit.score]));
      rows.forEach((row, number) => {
        expect(Object.is(scores.get(`r${number}`), referenceCosine(row, query))).toBe(true);
      });
    }
    expect(sparseQueries).toBeGreaterThan(25);
  });

  it('scores every row 0 for the zero query', () => {
    const index = new VectorIndex(4);
    index.set('a', new Float32Array([1, 0, 0, 0]));
    expect(index.search(new Float32Array(4), 5)).toEqual([{ id: 'a', score: 0 }]);
  });
});
