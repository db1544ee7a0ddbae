import { describe, expect, it } from 'vitest';
import { TopK } from '../../src/storage/in-memory/top-k.js';
import { CosineQuery, VectorIndex } from '../../src/storage/in-memory/vector-index.js';

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

describe('VectorIndex.scoreInto', () => {
  it('scores with the same four-lane sums as before, tail included (7 dimensions)', () => {
    const stored = new Float32Array([0.1, -0.2, 0.3, 0.7, 0.05, -0.9, 0.33]);
    const query = new Float32Array([0.3, 0.1, -0.4, 0.2, 0.8, 0.6, -0.1]);
    const lanes = (left: Float32Array, right: Float32Array) => {
      const lane = [0, 0, 0, 0];
      for (let index = 0; index < 4; index++) lane[index]! += left[index]! * right[index]!;
      for (let index = 4; index < 7; index++) lane[0]! += left[index]! * right[index]!;
      return lane[0]! + lane[1]! + lane[2]! + lane[3]!;
    };
    // Stored norms are float32.
    const storedNorm = Math.fround(Math.sqrt(lanes(stored, stored)));
    const expected = lanes(stored, query) / (storedNorm * Math.sqrt(lanes(query, query)));
    const index = new VectorIndex(7);
    index.set('a', stored);
    const best = new TopK(5);
    index.scoreInto(CosineQuery.of(query), best);
    expect(best.results()).toEqual([{ id: 'a', score: expected }]);
  });
});
