import { describe, expect, it } from 'vitest';
import { decodeSearchEntry, encodeSearchEntry } from './search-entry.js';
import { isCacheable, type SearchRequest, searchFingerprint } from './search-request.js';

const text = (overrides: Partial<SearchRequest> = {}): SearchRequest => ({
  method: 'searchEpisodesByText',
  namespace: 'ns',
  query: ['checkout', 'test'],
  filter: { domains: ['web'], completedOnly: true },
  limit: 10,
  ...overrides,
});

describe('searchFingerprint', () => {
  it('is the same for equal requests, however the filter object was built', () => {
    const reordered = text({ filter: { completedOnly: true, domains: ['web'], taskTypes: undefined } });
    expect(searchFingerprint(reordered)).toBe(searchFingerprint(text()));
    const vector = (values: number[]) =>
      text({ method: 'searchEpisodesByVector', query: new Float32Array(values) });
    // A view into a larger buffer counts by its own bytes only.
    const view = new Float32Array([9, 1, 0.5, 9]).subarray(1, 3);
    expect(searchFingerprint(vector([1, 0.5]))).toBe(searchFingerprint(text({ ...vector([]), query: view })));
  });

  it('differs whenever the durable store could answer differently', () => {
    const fingerprints = [
      text(),
      text({ method: 'searchPatternsByText' }),
      text({ query: ['test', 'checkout'] }),
      text({ query: ['checkout', 'test', 'test'] }),
      text({ filter: { domains: ['api'], completedOnly: true } }),
      text({ filter: { domains: ['web', 'api'], completedOnly: true } }),
      text({ filter: { domains: ['web'], completedOnly: false } }),
      text({ limit: 11 }),
      text({ method: 'searchEpisodesByVector', query: new Float32Array([1, 0.5]) }),
      text({ method: 'searchEpisodesByVector', query: new Float32Array([1, 0.5 + 2 ** -24]) }),
      text({ method: 'searchEpisodesByVector', query: new Float32Array([1, 0.5, 0]) }),
    ].map(searchFingerprint);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
    expect(fingerprints[0]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('leaves trivial and oversized requests to the durable store', () => {
    expect(isCacheable(text())).toBe(true);
    expect(isCacheable(text({ query: [] }))).toBe(false);
    expect(isCacheable(text({ limit: 0 }))).toBe(false);
    expect(isCacheable(text({ limit: 1_001 }))).toBe(false);
    expect(isCacheable(text({ method: 'searchPatternsByVector', query: new Float32Array(4) }))).toBe(true);
  });
});

describe('search entries', () => {
  it('round-trip hits exactly, and refuse what JSON would change', () => {
    const hits = [
      { id: 'a', score: 0.1 + 0.2 },
      { id: 'b', score: 1e-300 },
    ];
    expect(decodeSearchEntry(encodeSearchEntry(hits)!)).toEqual(hits);
    expect(encodeSearchEntry([{ id: 'a', score: Number.NaN }])).toBeNull();
    expect(encodeSearchEntry([{ id: 'a', score: -0 }])).toBeNull();
    expect(decodeSearchEntry('{"not":"hits"}')).toBeNull();
    expect(decodeSearchEntry('[["a","1"]]')).toBeNull();
  });
});
