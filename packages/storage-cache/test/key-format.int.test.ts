import { describe, expect, it } from 'vitest';
import { CACHE_FORMAT } from '../src/index.js';
import { useDurableStorage } from './support/durable.js';
import { episode, NS } from './support/fixtures.js';
import { connectTestClient, redisUrl, uniquePrefix } from './support/redis.js';

const durableStorage = useDurableStorage();
const admin = await connectTestClient();

describe('versioned, namespaced keys', () => {
  it('stores entries under {prefix}:v{format}:{namespace}:episode:{id}', async () => {
    const keyPrefix = uniquePrefix();
    const cache = durableStorage.cache(await durableStorage.open(), { redis: redisUrl(), keyPrefix });
    const created = episode(1);
    await cache.insertEpisode(created);
    await cache.getEpisode(NS, created.id);
    const key = `${keyPrefix}:v${CACHE_FORMAT}:${NS}:episode:${created.id}`;
    const stored = JSON.parse((await admin.get(key)) ?? 'null');
    expect(stored).toMatchObject({ v: 1, e: { id: created.id, namespace: NS } });
  });

  it('ignores entries of an older format: a format change moves to new keys', async () => {
    const keyPrefix = uniquePrefix();
    const durable = await durableStorage.open();
    const oldFormat = durableStorage.cache(durable, { redis: redisUrl(), keyPrefix, cacheFormat: 1 });
    const created = episode(2);
    await oldFormat.insertEpisode(created);
    await oldFormat.getEpisode(NS, created.id);
    // The old format's entry goes stale behind its back (written straight to the durable store).
    await durable.updateEpisode({ ...created, taskDescription: 'Changed directly' }, 1);
    expect((await oldFormat.getEpisode(NS, created.id))?.taskDescription).not.toBe('Changed directly');

    const newFormat = durableStorage.cache(durable, { redis: redisUrl(), keyPrefix, cacheFormat: 2 });
    expect((await newFormat.getEpisode(NS, created.id))?.taskDescription).toBe('Changed directly');
    expect(await newFormat.cacheStatistics()).toMatchObject({ hits: 0, misses: 1, items: 1 });
    expect(await admin.exists(`${keyPrefix}:v2:${NS}:episode:${created.id}`)).toBe(1);
    expect(await admin.exists(`${keyPrefix}:v1:${NS}:episode:${created.id}`)).toBe(1);
  });

  it('keeps caches with different prefixes apart', async () => {
    const durable = await durableStorage.open();
    const first = durableStorage.cache(durable, { redis: redisUrl(), keyPrefix: uniquePrefix() });
    const second = durableStorage.cache(durable, { redis: redisUrl(), keyPrefix: uniquePrefix() });
    const created = episode(3);
    await first.insertEpisode(created);
    await first.getEpisode(NS, created.id);
    await second.getEpisode(NS, created.id);
    expect((await second.cacheStatistics()).misses).toBe(1);
  });

  it('rejects URLs that are not redis:// or rediss://, and impossible bounds', async () => {
    const durable = await durableStorage.open();
    expect(() => durableStorage.cache(durable, { redis: 'http://127.0.0.1:6379' })).toThrow(/redis: rediss:/);
    expect(() => durableStorage.cache(durable, { maxEpisodes: 0 })).toThrow(/maxEpisodes/);
    expect(() => durableStorage.cache(durable, { keyPrefix: 'a b' })).toThrow(/keyPrefix/);
  });
});
