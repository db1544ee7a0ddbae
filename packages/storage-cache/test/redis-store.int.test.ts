import { describe, expect, it } from 'vitest';
import { createCacheKeys, RedisCacheStore } from '../src/index.js';
import { connectTestClient, uniquePrefix } from './support/redis.js';

const client = await connectTestClient();

function store(maxEpisodes = 10) {
  return new RedisCacheStore({
    client,
    keys: createCacheKeys(uniquePrefix()),
    maxEpisodes,
    ttlMs: 60_000,
    operationTimeoutMs: 1_000,
    maintenanceTimeoutMs: 1_000,
  });
}

describe('RedisCacheStore', () => {
  it('refuses a fill whose read started before an invalidation, accepts a later one', async () => {
    const cache = store();
    const [stale] = await cache.lookup('ns', ['a'], true);
    await cache.invalidate('ns', ['a']);
    expect(await cache.fill('ns', [{ id: 'a', entry: 'old', ticket: stale!.ticket }])).toEqual({
      stored: 0,
      evicted: 0,
    });
    const [fresh] = await cache.lookup('ns', ['a'], true);
    expect((await cache.fill('ns', [{ id: 'a', entry: 'new', ticket: fresh!.ticket }])).stored).toBe(1);
    expect((await cache.lookup('ns', ['a'], true))[0]?.entry).toBe('new');
  });

  it('drops a namespace with SCAN + DEL and leaves other namespaces alone', async () => {
    const cache = store();
    const fills = (ids: string[]) =>
      ids.map((id) => ({ id, entry: id, ticket: { marker: null, takenAt: Date.now() } }));
    await cache.fill('one', fills(['a', 'b', 'c']));
    await cache.fill('two', fills(['d']));
    expect(await cache.dropNamespace('one')).toBe(3);
    expect(await cache.cachedIds('one')).toEqual([]);
    expect(await cache.cachedIds('two')).toEqual(['d']);
    expect(await cache.usage()).toEqual({ items: 1, bytes: 1 });
  });
});
