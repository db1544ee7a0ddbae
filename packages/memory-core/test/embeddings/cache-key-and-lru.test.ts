import { describe, expect, it } from 'vitest';
import { contentHash } from '../../src/embeddings/content-hash.js';
import { createLruCache } from '../../src/embeddings/lru-cache.js';

describe('content hash', () => {
  it('is a stable 64-bit hex digest', () => {
    expect(contentHash('cancel the pending order')).toMatch(/^[0-9a-f]{16}$/);
    expect(contentHash('cancel the pending order')).toBe(contentHash('cancel the pending order'));
  });

  it('separates many near-identical texts', () => {
    const hashes = new Set<string>();
    for (let index = 0; index < 100_000; index++) hashes.add(contentHash(`model\u0000task ${index}`));
    expect(hashes.size).toBe(100_000);
    expect(contentHash('ab')).not.toBe(contentHash('ba'));
    expect(contentHash('')).not.toBe(contentHash('\u0000'));
  });
});

describe('LRU cache', () => {
  it('evicts the least recently used entry; reading refreshes an entry', () => {
    const cache = createLruCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('replaces a value without growing, and stores nothing at capacity 0', () => {
    const cache = createLruCache<number>(2);
    cache.set('a', 1);
    cache.set('a', 2);
    expect(cache.size).toBe(1);
    expect(cache.get('a')).toBe(2);
    const disabled = createLruCache<number>(0);
    disabled.set('a', 1);
    expect(disabled.get('a')).toBeUndefined();
  });
});
