import type { Episode } from '@slm/memory-core';
import { describe, expect, it } from 'vitest';
import { CACHE_VARIANTS } from './support/cache-variants.js';
import { useDurableStorage } from './support/durable.js';
import { episode, NS, step } from './support/fixtures.js';

const durableStorage = useDurableStorage();

describe.each(CACHE_VARIANTS)('syncMemories and regenerate ($name)', ({ options }) => {
  it('syncMemories refreshes entries changed behind the cache and drops deleted ones', async () => {
    const durable = await durableStorage.open();
    const cache = durableStorage.cache(durable, options());
    const [renamed, extended, deleted, untouched] = [episode(1), episode(2), episode(3), episode(4)];
    for (const created of [renamed, extended, deleted, untouched]) {
      await cache.insertEpisode(created);
      await cache.getEpisode(NS, created.id);
    }
    // Changes made straight to the durable store: the cache does not know.
    await durable.updateEpisode({ ...renamed, taskDescription: 'Renamed behind the cache' }, 1);
    await durable.appendSteps(NS, extended.id, [step(1)]); // no version bump
    await durable.deleteEpisode(NS, deleted.id);
    expect((await cache.getEpisode(NS, renamed.id))?.version).toBe(1); // stale, as expected

    expect(await cache.syncMemories(NS)).toEqual({ checked: 4, refreshed: 2, dropped: 1 });
    const before = await cache.cacheStatistics();
    expect(await cache.getEpisode(NS, renamed.id)).toMatchObject({ version: 2 });
    expect((await cache.getEpisode(NS, extended.id))?.steps).toHaveLength(1);
    expect(await cache.getEpisode(NS, deleted.id)).toBeNull();
    const after = await cache.cacheStatistics();
    expect(after.hits - before.hits).toBe(2); // refreshed entries are served from the cache
    expect(after.items).toBe(3);
    expect(await cache.syncMemories()).toEqual({ checked: 3, refreshed: 0, dropped: 0 });
  });

  it('regenerate drops the namespace and warms the most recent episodes', async () => {
    const durable = await durableStorage.open();
    const cache = durableStorage.cache(durable, options());
    const episodes: Episode[] = [];
    for (let minute = 0; minute < 8; minute += 1) {
      const created = episode(minute);
      await cache.insertEpisode(created);
      episodes.push(created);
    }
    const other = episode(9, { namespace: 'other-namespace' });
    await cache.insertEpisode(other);
    await cache.getEpisode('other-namespace', other.id);
    for (const created of episodes.slice(0, 6)) await cache.getEpisode(NS, created.id);
    expect((await cache.cacheStatistics()).items).toBe(7);

    expect(await cache.regenerate(NS, 3)).toEqual({ dropped: 6, warmed: 3 });
    expect((await cache.cacheStatistics()).items).toBe(4); // 3 warmed + the other namespace untouched
    const before = await cache.cacheStatistics();
    for (const created of episodes.slice(5)) await cache.getEpisode(NS, created.id); // the 3 newest
    await cache.getEpisode(NS, episodes[0]!.id);
    const after = await cache.cacheStatistics();
    expect(after.hits - before.hits).toBe(3);
    expect(after.misses - before.misses).toBe(1);
  });
});
