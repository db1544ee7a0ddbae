import type { Episode } from '@slm/memory-core';
import { describe, expect, it } from 'vitest';
import { CACHE_VARIANTS } from './support/cache-variants.js';
import { useDurableStorage } from './support/durable.js';
import { episode, NS, step } from './support/fixtures.js';
import { redisUrl, uniquePrefix } from './support/redis.js';

const durableStorage = useDurableStorage();

describe('read after write, across cache instances sharing Redis and the database', () => {
  // Two decorators stand for two processes: same Redis keys, same durable store (one libSQL storage per file
  // per process, so both wrap the same storage object).
  // A generous operation timeout: these tests are about staleness, and a loaded CI machine can take longer than
  // the 50 ms default for a Redis round trip (a timeout would be counted as an error and bypass the cache).
  async function twoInstances() {
    const durable = await durableStorage.open();
    const options = { redis: redisUrl(), keyPrefix: uniquePrefix(), operationTimeoutMs: 5_000 };
    return {
      durable,
      writer: durableStorage.cache(durable, options),
      reader: durableStorage.cache(durable, options),
    };
  }

  it('never serves an episode older than the last acknowledged write', async () => {
    const { writer, reader } = await twoInstances();
    const created = episode(1);
    await writer.insertEpisode(created);
    expect((await reader.getEpisode(NS, created.id))?.steps).toEqual([]);
    expect((await reader.getEpisode(NS, created.id))?.steps).toEqual([]); // now cached in Redis

    await writer.appendSteps(NS, created.id, [step(1), step(2)]);
    expect((await reader.getEpisode(NS, created.id))?.steps).toHaveLength(2);

    const current = (await reader.getEpisode(NS, created.id)) as Episode;
    const updated = await writer.updateEpisode(
      { ...current, taskDescription: 'Renamed task' },
      current.version,
    );
    expect(await reader.getEpisode(NS, created.id)).toMatchObject({
      taskDescription: 'Renamed task',
      version: 2,
    });
    expect((await reader.getEpisodes(NS, [created.id]))[0]?.version).toBe(2);

    const completed = { ...updated, endedAt: new Date(Date.parse(updated.startedAt) + 1000).toISOString() };
    await writer.completeEpisode(completed, updated.version);
    expect(await reader.getEpisode(NS, created.id)).toMatchObject({ version: 3, endedAt: completed.endedAt });

    await writer.importRecords([
      { type: 'episode', record: { ...completed, taskDescription: 'Imported', version: 7 } },
    ]);
    expect(await reader.getEpisode(NS, created.id)).toMatchObject({
      taskDescription: 'Imported',
      version: 7,
    });

    await writer.deleteEpisode(NS, created.id);
    expect(await reader.getEpisode(NS, created.id)).toBeNull();
    expect(await reader.getEpisodes(NS, [created.id])).toEqual([]);
    expect((await reader.cacheStatistics()).hits).toBeGreaterThan(0);
  });

  it('stays fresh while reads race the writes (no slow reader puts back an old version)', async () => {
    const { writer, reader } = await twoInstances();
    const created = episode(2);
    await writer.insertEpisode(created);
    let stop = false;
    let readsDone = 0;
    // Readers hammer the episode through the other instance while steps are appended one by one.
    const readers = Array.from({ length: 8 }, async () => {
      while (!stop) {
        await reader.getEpisode(NS, created.id);
        readsDone += 1;
      }
    });
    try {
      for (let number = 1; number <= 100; number += 1) {
        await writer.appendSteps(NS, created.id, [step(number)]);
        const seen = await reader.getEpisode(NS, created.id);
        expect(seen?.steps).toHaveLength(number);
      }
    } finally {
      // Stop the readers before the storages close, also when an expectation failed.
      stop = true;
      await Promise.allSettled(readers);
    }
    expect(readsDone).toBeGreaterThan(100);
    const statistics = await reader.cacheStatistics();
    expect(statistics.errors).toBe(0);
    expect(statistics.hits).toBeGreaterThan(0);
  });
});

describe.each(CACHE_VARIANTS)('read after write in one instance ($name)', ({ options }) => {
  it('sees every write at once', async () => {
    const cache = durableStorage.cache(await durableStorage.open(), options());
    const created = episode(3);
    await cache.insertEpisode(created);
    await cache.getEpisode(NS, created.id);
    await cache.appendSteps(NS, created.id, [step(1)]);
    expect((await cache.getEpisode(NS, created.id))?.steps).toHaveLength(1);
    // A failed write still invalidates: the durable store answers CONFLICT and nothing stale is served.
    await expect(cache.updateEpisode(created, 99)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await cache.getEpisode(NS, created.id))?.steps).toHaveLength(1);
  });
});
