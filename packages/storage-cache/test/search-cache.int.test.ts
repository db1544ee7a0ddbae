import { searchTerms } from '@slm/memory-core';
import { describe, expect, it } from 'vitest';
import type { CacheOptions } from '../src/index.js';
import { CACHE_VARIANTS } from './support/cache-variants.js';
import { useDurableStorage } from './support/durable.js';
import { axis, completedEpisode, DIMENSIONS, NS, patternContribution } from './support/fixtures.js';
import { redisUrl, uniquePrefix } from './support/redis.js';
import { expectEveryBumpingWriteSeen } from './support/search-writes.js';
import { spyDurable } from './support/spy-durable.js';

const durableStorage = useDurableStorage();

describe.each(CACHE_VARIANTS)('cached searches ($name)', ({ options }) => {
  async function setup(extra: CacheOptions = {}) {
    const spy = spyDurable(await durableStorage.open());
    return { spy, cache: durableStorage.cache(spy.storage, { ...options(), ...extra }) };
  }

  it('answers a repeated identical search from the cache, for each search method', async () => {
    const { spy, cache } = await setup();
    const stored = completedEpisode(1, { taskDescription: 'rotate the credentials' });
    await cache.insertEpisode(stored);
    await cache.saveEmbedding(NS, 'episode', stored.id, axis(DIMENSIONS, 0));
    const [pattern] = await cache.upsertPatterns([patternContribution()]);
    await cache.saveEmbedding(NS, 'pattern', pattern!.id, axis(DIMENSIONS, 1));

    // The second call of each builds its filter with other key order and its vector afresh.
    const searches = [
      [
        'searchEpisodesByText',
        (again: boolean) =>
          cache.searchEpisodesByText(
            NS,
            searchTerms('rotate credentials'),
            again
              ? { domains: ['web-api'], completedOnly: true }
              : { completedOnly: true, domains: ['web-api'] },
            10,
          ),
      ],
      [
        'searchEpisodesByVector',
        () => cache.searchEpisodesByVector(NS, axis(DIMENSIONS, 0), { includeArchived: false }, 10),
      ],
      [
        'searchPatternsByText',
        () => cache.searchPatternsByText(NS, searchTerms('run tests'), { types: ['tool_sequence'] }, 5),
      ],
      ['searchPatternsByVector', () => cache.searchPatternsByVector(NS, axis(DIMENSIONS, 1), {}, 5)],
    ] as const;
    let bytes = 0;
    for (const [method, search] of searches) {
      const first = await search(false);
      bytes += JSON.stringify(first.map((hit) => [hit.id, hit.score])).length;
      expect(first.length, method).toBe(1);
      expect(spy.calls(method)).toBe(1);
      expect(await search(true)).toEqual(first);
      expect(spy.calls(method), `${method} answered by the durable store again`).toBe(1);
    }
    expect(await cache.searchCacheStatistics()).toEqual({
      hits: 4,
      misses: 4,
      evictions: 0,
      hitRate: 0.5,
      items: 4,
      bytes,
    });

    // Another limit is another request; episode counters are untouched by searches.
    await cache.searchEpisodesByText(NS, searchTerms('rotate credentials'), { completedOnly: true }, 9);
    expect(spy.calls('searchEpisodesByText')).toBe(2);
    expect(await cache.cacheStatistics()).toMatchObject({ hits: 0, misses: 0 });
  });

  it('shows every bumping write in the next search', async () => {
    const { cache } = await setup();
    await expectEveryBumpingWriteSeen(cache, cache);
  });

  it('keeps at most maxSearches per namespace and expires entries after the TTL', async () => {
    const { spy, cache } = await setup({ maxSearches: 2, ttlSeconds: 0.2 });
    await cache.insertEpisode(completedEpisode(1));
    const search = (limit: number) => cache.searchEpisodesByText(NS, searchTerms('checkout'), {}, limit);
    for (const limit of [1, 2, 3]) await search(limit); // the third fill evicts the first
    expect(await cache.searchCacheStatistics()).toMatchObject({ misses: 3, evictions: 1, items: 2 });
    await search(3);
    await search(2);
    await search(1);
    expect(await cache.searchCacheStatistics()).toMatchObject({ hits: 2, misses: 4, evictions: 2, items: 2 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await cache.searchCacheStatistics()).toMatchObject({ items: 0, bytes: 0 });
    const calls = spy.calls('searchEpisodesByText');
    await search(1);
    expect(spy.calls('searchEpisodesByText')).toBe(calls + 1);
  });

  it('leaves no cached search behind regenerate or syncMemories', async () => {
    const { spy, cache } = await setup();
    await cache.insertEpisode(completedEpisode(1));
    const search = () => cache.searchEpisodesByText(NS, searchTerms('checkout'), {}, 10);
    const durableCalls = () => spy.calls('searchEpisodesByText');
    await search();
    await search();
    expect(durableCalls()).toBe(1);
    await cache.regenerate(NS, 0);
    await search();
    expect(durableCalls()).toBe(2);
    await cache.syncMemories();
    await search();
    expect(durableCalls()).toBe(3);
    await cache.syncMemories(NS);
    await search();
    await search();
    expect(durableCalls()).toBe(4);
  });
});

describe('cached searches across two cache instances sharing Redis', () => {
  it('shows every bumping write of one instance in the next search of the other', async () => {
    const durable = await durableStorage.open();
    const options = { redis: redisUrl(), keyPrefix: uniquePrefix(), operationTimeoutMs: 5_000 };
    const writer = durableStorage.cache(durable, options);
    const reader = durableStorage.cache(durable, options);
    await expectEveryBumpingWriteSeen(writer, reader);
    expect((await writer.searchCacheStatistics()).hits + (await writer.searchCacheStatistics()).misses).toBe(
      0,
    );
  });
});
