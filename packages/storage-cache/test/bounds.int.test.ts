import type { Episode } from '@slm/memory-core';
import { describe, expect, it } from 'vitest';
import { CACHE_VARIANTS } from './support/cache-variants.js';
import { useDurableStorage } from './support/durable.js';
import { episode, NS } from './support/fixtures.js';

const durableStorage = useDurableStorage();

/** The bytes an entry holds: the episode as the durable store returns it, with its version. */
function entryBytes(stored: Episode): number {
  return Buffer.byteLength(JSON.stringify({ v: stored.version, e: stored }));
}

describe.each(CACHE_VARIANTS)('bounds and counters ($name)', ({ options }) => {
  async function setup(extra: { maxEpisodes?: number; ttlSeconds?: number }, count: number) {
    const durable = await durableStorage.open();
    const cache = durableStorage.cache(durable, { ...options(), ...extra });
    const episodes: Episode[] = [];
    for (let index = 0; index < count; index += 1) {
      const created = episode(index);
      await cache.insertEpisode(created);
      episodes.push(created);
    }
    return { durable, cache, ids: episodes.map((created) => created.id) };
  }

  it('counts hits, misses and evictions of a scripted access pattern exactly', async () => {
    const { durable, cache, ids } = await setup({ maxEpisodes: 2 }, 3);
    const [a, b, c] = ids as [string, string, string];
    await cache.getEpisode(NS, a); // miss          LRU: a
    await cache.getEpisode(NS, a); // hit           a
    await cache.getEpisode(NS, b); // miss          a b
    await cache.getEpisode(NS, a); // hit           b a
    await cache.getEpisode(NS, c); // miss, evict b a c
    await cache.getEpisode(NS, b); // miss, evict a c b
    await cache.getEpisode(NS, c); // hit           b c
    const batch = await cache.getEpisodes(NS, [a, b, c]); // a miss, b and c hits; a's fill evicts b: c a
    expect(batch.map((found) => found.id)).toEqual([a, b, c]);

    const statistics = await cache.cacheStatistics();
    const stored = [await durable.getEpisode(NS, c), await durable.getEpisode(NS, a)] as Episode[];
    expect(statistics).toMatchObject({ hits: 5, misses: 5, evictions: 3, errors: 0, hitRate: 0.5, items: 2 });
    expect(statistics.bytes).toBe(entryBytes(stored[0]!) + entryBytes(stored[1]!));
    await cache.getEpisode(NS, c);
    await cache.getEpisode(NS, a);
    expect(await cache.cacheStatistics()).toMatchObject({ hits: 7, misses: 5, evictions: 3 });
  });

  it('keeps at most maxEpisodes per namespace, evicting the least recently used', async () => {
    const { cache, ids } = await setup({ maxEpisodes: 5 }, 12);
    for (const id of ids) await cache.getEpisode(NS, id);
    const statistics = await cache.cacheStatistics();
    expect(statistics).toMatchObject({ misses: 12, hits: 0, evictions: 7, items: 5 });
    // The five most recent reads are the cached ones.
    for (const id of ids.slice(7)) await cache.getEpisode(NS, id);
    expect(await cache.cacheStatistics()).toMatchObject({ hits: 5, misses: 12, evictions: 7 });
    await cache.getEpisode(NS, ids[0]!);
    expect(await cache.cacheStatistics()).toMatchObject({ hits: 5, misses: 13, evictions: 8, items: 5 });
  });

  it('expires entries after the TTL without counting them as evictions', async () => {
    const { cache, ids } = await setup({ ttlSeconds: 0.3 }, 2);
    await cache.getEpisodes(NS, ids);
    await cache.getEpisodes(NS, ids);
    expect(await cache.cacheStatistics()).toMatchObject({ hits: 2, misses: 2, items: 2 });
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(await cache.cacheStatistics()).toMatchObject({ items: 0, bytes: 0 });
    await cache.getEpisode(NS, ids[0]!);
    expect(await cache.cacheStatistics()).toMatchObject({ hits: 2, misses: 3, evictions: 0, items: 1 });
  });

  it('reports its backend, kind and health', async () => {
    const { cache } = await setup({}, 0);
    expect(cache.kind).toBe('cache(libsql-file)');
    expect((await cache.cacheHealth()).state).toBe('ok');
    const statistics = await cache.cacheStatistics();
    expect(statistics.backend).toBe(options().redis ? 'redis' : 'in-process');
    expect(statistics).toMatchObject({ hits: 0, misses: 0, hitRate: 0, items: 0, bytes: 0 });
    await cache.close();
  });
});
