import { type ScoredId, searchTerms } from '@slm/memory-core';
import { describe, expect, it } from 'vitest';
import type { CachedStorageBackend } from '../src/index.js';
import { CACHE_VARIANTS } from './support/cache-variants.js';
import { useDurableStorage } from './support/durable.js';
import { completedEpisode, NS } from './support/fixtures.js';
import { redisUrl, uniquePrefix } from './support/redis.js';
import { spyDurable } from './support/spy-durable.js';

const durableStorage = useDurableStorage();
const ids = (hits: readonly ScoredId[]) => hits.map((hit) => hit.id).sort();

/**
 * The reader's durable search answers before the write but returns only after the write was acknowledged (the
 * slowest possible reader): its result must not be served to any search that starts after the write.
 */
async function expectSlowSearchNotServedAfterWrite(
  spy: ReturnType<typeof spyDurable>,
  reader: CachedStorageBackend,
  writer: CachedStorageBackend,
): Promise<void> {
  const old = completedEpisode(1, { taskDescription: 'rotate the credentials' });
  await writer.insertEpisode(old);
  const search = () => reader.searchEpisodesByText(NS, searchTerms('rotate'), {}, 10);

  const held = spy.hold('searchEpisodesByText');
  const slow = search();
  await held.answered; // the durable store has answered with the old data only
  const added = completedEpisode(2, { taskDescription: 'rotate the keys' });
  await writer.insertEpisode(added);
  held.release();
  expect(ids(await slow)).toEqual([old.id]); // overlapping the write: the old answer is right for it

  const expected = [old.id, added.id].sort();
  expect(ids(await search())).toEqual(expected);
  expect(ids(await search())).toEqual(expected);
  expect(await reader.searchCacheStatistics()).toMatchObject({ hits: 1, misses: 2, items: 1 });
}

describe.each(CACHE_VARIANTS)('a slow search racing a write ($name)', ({ options }) => {
  it('never has its stale result served after the write', async () => {
    const spy = spyDurable(await durableStorage.open());
    const cache = durableStorage.cache(spy.storage, options());
    await expectSlowSearchNotServedAfterWrite(spy, cache, cache);
  });
});

describe('a slow search racing a write of another instance sharing Redis', () => {
  it('never has its stale result served after the write', async () => {
    const durable = await durableStorage.open();
    const spy = spyDurable(durable);
    const options = { redis: redisUrl(), keyPrefix: uniquePrefix(), operationTimeoutMs: 5_000 };
    const reader = durableStorage.cache(spy.storage, options);
    const writer = durableStorage.cache(durable, options);
    await expectSlowSearchNotServedAfterWrite(spy, reader, writer);
  });
});
