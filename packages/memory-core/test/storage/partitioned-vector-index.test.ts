import { seededRandom } from '@slm/vitest-config/seeded-random';
import { describe, expect, it } from 'vitest';
import { PartitionedVectorIndex } from '../../src/storage/in-memory/partitioned-vector-index.js';
import { VectorIndex } from '../../src/storage/in-memory/vector-index.js';
import { all, blue, only, red, type Shelf } from '../support/shelves.js';

function vector(...values: number[]): Float32Array {
  return new Float32Array(values);
}

describe('PartitionedVectorIndex', () => {
  it('scans only the partitions the filter admits', () => {
    const index = new PartitionedVectorIndex<Shelf>(2);
    index.set('r1', vector(1, 0), red);
    index.set('b1', vector(1, 0.1), blue);
    const query = vector(1, 0);
    expect(index.search(query, 10, all).map((hit) => hit.id)).toEqual(['r1', 'b1']);
    expect(index.search(query, 10, only(blue)).map((hit) => hit.id)).toEqual(['b1']);
    expect(index.search(query, 10, all, (id) => id !== 'r1').map((hit) => hit.id)).toEqual(['b1']);
  });

  it('moves a vector between partitions on set and move, and forgets it on delete', () => {
    const index = new PartitionedVectorIndex<Shelf>(2);
    index.set('a', vector(1, 0), red);
    index.move('a', blue);
    expect(index.search(vector(1, 0), 10, only(red))).toEqual([]);
    expect(index.search(vector(1, 0), 10, only(blue)).map((hit) => hit.id)).toEqual(['a']);
    index.set('a', vector(0, 1), red);
    expect(index.size).toBe(1);
    expect(index.get('a')).toEqual(vector(0, 1));
    expect(index.search(vector(0, 1), 10, only(blue))).toEqual([]);
    index.move('missing', blue);
    expect(index.size).toBe(1);
    expect(index.delete('a')).toBe(true);
    expect(index.delete('a')).toBe(false);
    expect(index.get('a')).toBeUndefined();
    expect(index.search(vector(0, 1), 10, all)).toEqual([]);
  });

  it('drops emptied partitions, so a search never visits them', () => {
    const index = new PartitionedVectorIndex<Shelf>(2);
    index.set('a', vector(1, 0), red);
    index.move('a', blue);
    const visited: string[] = [];
    index.search(vector(1, 0), 10, (partition) => {
      visited.push(partition.key);
      return true;
    });
    expect(visited).toEqual(['blue']);
  });

  it('returns exactly what one unpartitioned index returns, ties ordered by id across partitions', () => {
    const shelves = [red, blue, { key: 'green' }];
    const partitioned = new PartitionedVectorIndex<Shelf>(3);
    const flat = new VectorIndex(3);
    const next = seededRandom(7);
    // Few distinct vectors, so many scores tie exactly.
    const pool = Array.from({ length: 6 }, () => vector(next() - 0.5, next() - 0.5, next() - 0.5));
    for (let row = 0; row < 300; row++) {
      const id = `v${(row * 7919) % 1000}`;
      const stored = pool[Math.floor(next() * pool.length)]!;
      partitioned.set(id, stored, shelves[Math.floor(next() * shelves.length)]!);
      flat.set(id, stored);
      if (next() < 0.2) {
        partitioned.delete(id);
        flat.delete(id);
      }
    }
    for (const query of pool) {
      for (const limit of [1, 5, 50, 500]) {
        expect(partitioned.search(query, limit, all)).toEqual(flat.search(query, limit));
      }
    }
  });
});
