import { seededRandom } from '@slm/vitest-config/seeded-random';
import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../../src/storage/in-memory/bm25-index.js';
import { PartitionedBm25Index } from '../../src/storage/in-memory/partitioned-bm25-index.js';
import { all, blue, only, red, type Shelf } from '../support/shelves.js';

describe('PartitionedBm25Index', () => {
  it('scores with the statistics of every partition, reading only the admitted ones', () => {
    const partitioned = new PartitionedBm25Index<Shelf>();
    const flat = new Bm25Index();
    const documents: Array<[string, string[], Shelf]> = [
      ['d1', ['a', 'b'], red],
      ['d2', ['a', 'a', 'c'], blue],
      ['d3', ['c'], red],
    ];
    for (const [id, terms, shelf] of documents) {
      partitioned.set(id, terms, shelf);
      flat.set(id, terms);
    }
    expect(partitioned.search(['a', 'c'], 10, all)).toEqual(flat.search(['a', 'c'], 10));
    // Only red is read, yet idf and average length still count d2.
    expect(partitioned.search(['a', 'c'], 10, only(red))).toEqual(
      flat.search(['a', 'c'], 10, (id) => id !== 'd2'),
    );
    expect(partitioned.search(['a'], 10, all, (id) => id !== 'd2').map((hit) => hit.id)).toEqual(['d1']);
  });

  it('moves a document when re-indexed in another partition, and forgets it on delete', () => {
    const index = new PartitionedBm25Index<Shelf>();
    index.set('d1', ['a'], red);
    index.set('d1', ['a', 'b'], blue);
    expect(index.size).toBe(1);
    expect(index.search(['a'], 10, only(red))).toEqual([]);
    expect(index.search(['a'], 10, only(blue)).map((hit) => hit.id)).toEqual(['d1']);
    expect(index.contains('d1', 'b')).toBe(true);
    expect(index.delete('d1')).toBe(true);
    expect(index.delete('d1')).toBe(false);
    expect(index.contains('d1', 'a')).toBe(false);
    expect(index.search(['a'], 10, all)).toEqual([]);
  });

  it('drops emptied partitions, so a search never visits them', () => {
    const index = new PartitionedBm25Index<Shelf>();
    index.set('d1', ['a'], red);
    index.set('d1', ['a'], blue);
    const visited: string[] = [];
    index.search(['a'], 10, (partition) => {
      visited.push(partition.key);
      return true;
    });
    expect(visited).toEqual(['blue']);
  });

  it('returns exactly what one undivided index returns, ties ordered by id across partitions', () => {
    const shelves = [red, blue, { key: 'green' }];
    const vocabulary = ['a', 'b', 'c', 'd', 'e'];
    const partitioned = new PartitionedBm25Index<Shelf>();
    const flat = new Bm25Index();
    const next = seededRandom(11);
    for (let round = 0; round < 400; round++) {
      const id = `d${Math.floor(next() * 150)}`;
      // Short documents from a small vocabulary, so many scores tie exactly.
      const terms = Array.from(
        { length: 1 + Math.floor(next() * 3) },
        () => vocabulary[Math.floor(next() * 5)]!,
      );
      if (next() < 0.15) {
        partitioned.delete(id);
        flat.delete(id);
      } else {
        partitioned.set(id, terms, shelves[Math.floor(next() * shelves.length)]!);
        flat.set(id, terms);
      }
    }
    for (const query of [['a'], ['b', 'c'], ['e', 'a', 'e'], ['z', 'd']]) {
      for (const limit of [1, 5, 40, 500]) {
        expect(partitioned.search(query, limit, all)).toEqual(flat.search(query, limit));
      }
    }
  });
});
