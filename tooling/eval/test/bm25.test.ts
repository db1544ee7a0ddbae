import { describe, expect, it } from 'vitest';
import { Bm25 } from '../src/baseline/bm25.js';
import { tokenize } from '../src/baseline/tokenize.js';

describe('baseline BM25', () => {
  it('tokenizes into lower-cased letter and digit runs', () => {
    expect(tokenize('Return #W123 via credit_card!')).toEqual(['return', 'w123', 'via', 'credit', 'card']);
  });

  it('scores by hand: one term, two documents', () => {
    const index = new Bm25(['cancel order', 'return the kettle please']);
    const [hit, ...rest] = index.search('cancel', 10);
    // N = 2, n = 1: idf = ln(1 + 1.5 / 1.5) = ln 2; f = 1, |d| = 2, avg = 3: norm = 0.25 + 0.75 · 2/3 = 0.75
    const expected = Math.log(2) * ((1 * 2.2) / (1 + 1.2 * 0.75));
    expect(hit).toEqual({ index: 0, score: expect.closeTo(expected, 10) });
    expect(rest).toEqual([]);
  });

  it('ranks the document with more query terms first, ties by index', () => {
    const index = new Bm25([
      'exchange keyboard',
      'exchange keyboard thermostat',
      'exchange lamp',
      'exchange lamp',
    ]);
    expect(index.search('exchange keyboard thermostat', 10).map((hit) => hit.index)).toEqual([1, 0, 2, 3]);
    expect(index.search('nothing matches', 10)).toEqual([]);
  });
});
