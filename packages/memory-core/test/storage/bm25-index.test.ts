import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../../src/storage/in-memory/bm25-index.js';

/**
 * Corpus: d1 = [a, b], d2 = [a, a, c], d3 = [c]. N = 3, average length 2.
 * idf(a) = idf(c) = ln(1 + (3 − 2 + 0.5) / (2 + 0.5)) = ln(1.6); k1 = 1.2, b = 0.75.
 */
function corpus(): Bm25Index {
  const index = new Bm25Index();
  index.set('d1', ['a', 'b']);
  index.set('d2', ['a', 'a', 'c']);
  index.set('d3', ['c']);
  return index;
}

const IDF = Math.log(1.6);
// d1, term a: tf 1, length 2 → length norm 1 → 1 · 2.2 / (1 + 1.2) = 1
const D1_A = IDF * 1;
// d2, term a: tf 2, length 3 → norm 0.25 + 0.75 · 1.5 = 1.375 → 2 · 2.2 / (2 + 1.65) = 4.4 / 3.65
const D2_A = (IDF * 4.4) / 3.65;
// d2, term c: tf 1, norm 1.375 → 2.2 / (1 + 1.65) = 2.2 / 2.65
const D2_C = (IDF * 2.2) / 2.65;
// d3, term c: tf 1, length 1 → norm 0.625 → 2.2 / (1 + 0.75) = 2.2 / 1.75
const D3_C = (IDF * 2.2) / 1.75;

describe('Bm25Index', () => {
  it('scores a one-term query exactly as BM25 (k1 = 1.2, b = 0.75)', () => {
    const hits = corpus().search(['a'], 10);
    expect(hits.map((hit) => hit.id)).toEqual(['d2', 'd1']);
    expect(hits[0]?.score).toBeCloseTo(D2_A, 12);
    expect(hits[1]?.score).toBeCloseTo(D1_A, 12);
  });

  it('sums term scores for a multi-term query and counts a repeated query term once', () => {
    const hits = corpus().search(['a', 'c', 'c'], 10);
    expect(hits.map((hit) => hit.id)).toEqual(['d2', 'd3', 'd1']);
    expect(hits[0]?.score).toBeCloseTo(D2_A + D2_C, 12);
    expect(hits[1]?.score).toBeCloseTo(D3_C, 12);
    expect(hits[2]?.score).toBeCloseTo(D1_A, 12);
  });

  it('applies the limit and the accept predicate to candidates only', () => {
    const index = corpus();
    expect(index.search(['a', 'c'], 1).map((hit) => hit.id)).toEqual(['d2']);
    const seen: string[] = [];
    const hits = index.search(['b'], 10, (id) => {
      seen.push(id);
      return true;
    });
    expect(hits.map((hit) => hit.id)).toEqual(['d1']);
    expect(seen).toEqual(['d1']);
    expect(index.search(['a'], 10, (id) => id !== 'd2').map((hit) => hit.id)).toEqual(['d1']);
    expect(index.search(['zzz'], 10)).toEqual([]);
    expect(index.search([], 10)).toEqual([]);
  });

  it('updates document count, lengths and postings on delete and replace', () => {
    const index = corpus();
    expect(index.delete('d2')).toBe(true);
    expect(index.delete('d2')).toBe(false);
    // N = 2 (d1 length 2, d3 length 1), average length 1.5; idf(a) = ln(1 + 1.5 / 1.5) = ln 2;
    // d1 norm = 0.25 + 0.75 · 2 / 1.5 = 1.25.
    const [hit] = index.search(['a'], 10);
    expect(hit?.id).toBe('d1');
    expect(hit?.score).toBeCloseTo((Math.log(2) * 2.2) / (1 + 1.2 * 1.25), 12);
    expect(index.contains('d2', 'a')).toBe(false);
    index.set('d1', ['c']);
    expect(index.search(['a'], 10)).toEqual([]);
    expect(index.contains('d1', 'c')).toBe(true);
    expect(index.size).toBe(2);
  });

  it('re-indexing a document scores exactly like indexing its new terms from scratch', () => {
    const replaced = corpus();
    replaced.set('d1', ['a', 'a', 'a', 'b', 'c']);
    replaced.set('d2', ['c']);
    replaced.set('d3', ['c', 'a']);
    const fresh = new Bm25Index();
    fresh.set('d1', ['a', 'a', 'a', 'b', 'c']);
    fresh.set('d2', ['c']);
    fresh.set('d3', ['c', 'a']);
    expect(replaced.search(['a', 'b', 'c'], 10)).toEqual(fresh.search(['a', 'b', 'c'], 10));
    expect(replaced.contains('d2', 'a')).toBe(false);
  });

  it('extends a document as if its terms had been set together', () => {
    const extended = new Bm25Index();
    extended.set('d1', ['a', 'b']);
    extended.extend('d2', ['a']);
    extended.extend('d2', ['a', 'c']);
    extended.set('d3', ['c']);
    expect(extended.search(['a', 'c'], 10)).toEqual(corpus().search(['a', 'c'], 10));
  });

  it('after any sequence of sets, extends and deletes, scores like an index built from the final documents', () => {
    const term = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    const id = fc.constantFrom('d1', 'd2', 'd3', 'd4', 'd5', 'd6');
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), id, terms: fc.array(term, { maxLength: 6 }) }),
      fc.record({ kind: fc.constant('extend' as const), id, terms: fc.array(term, { maxLength: 4 }) }),
      fc.record({ kind: fc.constant('delete' as const), id, terms: fc.constant([]) }),
    );
    fc.assert(
      fc.property(
        fc.array(operation, { maxLength: 40 }),
        fc.array(term, { minLength: 1, maxLength: 3 }),
        (operations, query) => {
          const index = new Bm25Index();
          const documents = new Map<string, string[]>();
          for (const { kind, id: documentId, terms } of operations) {
            if (kind === 'set') {
              index.set(documentId, terms);
              documents.set(documentId, [...terms]);
            } else if (kind === 'extend') {
              index.extend(documentId, terms);
              documents.set(documentId, [...(documents.get(documentId) ?? []), ...terms]);
            } else {
              index.delete(documentId);
              documents.delete(documentId);
            }
          }
          const fresh = new Bm25Index();
          for (const [documentId, terms] of [...documents].sort()) fresh.set(documentId, terms);
          const hits = index.search(query, 10);
          const expected = fresh.search(query, 10);
          expect(hits.map((hit) => hit.id)).toEqual(expected.map((hit) => hit.id));
          for (const [rank, hit] of hits.entries()) expect(hit.score).toBeCloseTo(expected[rank]!.score, 12);
          for (const [documentId, terms] of documents)
            for (const candidate of ['a', 'b', 'c', 'd', 'e'])
              expect(index.contains(documentId, candidate)).toBe(terms.includes(candidate));
        },
      ),
      { numRuns: 500 },
    );
  });
});
