import { searchTerms } from '@slm/memory-core';
import { freePort, type RedisServerHandle, startRedisServer } from '@slm/vitest-config/redis-global-setup';
import { afterEach, describe, expect, it } from 'vitest';
import { useDurableStorage } from './support/durable.js';
import { completedEpisode, NS } from './support/fixtures.js';
import { connectTestClient, redisUrl, uniquePrefix } from './support/redis.js';

const durableStorage = useDurableStorage();
const servers: RedisServerHandle[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
});

const ids = (hits: readonly { id: string }[]) => hits.map((hit) => hit.id).sort();

async function until(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('cached searches while Redis fails', () => {
  it('answer from the durable store when Redis is killed, count errors, and cache again once it is back', async () => {
    const port = await freePort();
    const server = await startRedisServer(port);
    servers.push(server);
    const cache = durableStorage.cache(await durableStorage.open(), {
      redis: server.url,
      keyPrefix: uniquePrefix(),
      retryIntervalMs: 100,
      operationTimeoutMs: 1_000, // a dead server fails at once; the roomy timeout keeps the counts exact
    });
    const first = completedEpisode(1, { taskDescription: 'rotate the credentials' });
    await cache.insertEpisode(first);
    const search = async () => ids(await cache.searchEpisodesByText(NS, searchTerms('rotate'), {}, 10));
    await search();
    expect(await search()).toEqual([first.id]);
    expect(await cache.searchCacheStatistics()).toMatchObject({ hits: 1, misses: 1 });

    server.process.kill('SIGKILL');
    await new Promise((resolve) => server.process.once('exit', resolve));
    servers.splice(servers.indexOf(server), 1);

    expect(await search()).toEqual([first.id]); // the lookup fails: the durable store answers
    const second = completedEpisode(2, { taskDescription: 'rotate the keys' });
    await cache.insertEpisode(second); // its bump fails and stays pending
    expect(await search()).toEqual(ids([second, first]));
    await new Promise((resolve) => setTimeout(resolve, 150)); // past the retry interval: Redis is tried again
    expect(await search()).toEqual(ids([second, first]));
    expect((await cache.cacheStatistics()).errors).toBeGreaterThan(0);
    expect(await cache.searchCacheStatistics()).toMatchObject({ hits: 1, misses: 1, items: 0 });

    servers.push(await startRedisServer(port));
    await until(async () => (await cache.cacheHealth()).state === 'ok');
    await search();
    expect(await search()).toEqual(ids([second, first]));
    expect(await cache.searchCacheStatistics()).toMatchObject({ hits: 2, misses: 2 });
  });

  it('never serves a search whose generation bump timed out, and caches again once it is replayed', async () => {
    const admin = await connectTestClient();
    const durable = await durableStorage.open();
    const options = { redis: redisUrl(), keyPrefix: uniquePrefix(), retryIntervalMs: 100 };
    const writer = durableStorage.cache(durable, options);
    // Another instance with a roomy timeout keeps the cached entry reachable throughout.
    const other = durableStorage.cache(durable, { ...options, operationTimeoutMs: 5_000 });
    const first = completedEpisode(1, { taskDescription: 'rotate the credentials' });
    await writer.insertEpisode(first);
    const search = async (cache = writer) =>
      ids(await cache.searchEpisodesByText(NS, searchTerms('rotate'), {}, 10));
    await search();
    expect(await search()).toEqual([first.id]);

    // Redis stops answering for a while: the write's invalidation and bump time out (or are skipped).
    await admin.sendCommand(['CLIENT', 'PAUSE', '400', 'ALL']);
    const second = completedEpisode(2, { taskDescription: 'rotate the keys' });
    await writer.insertEpisode(second);
    expect((await writer.cacheHealth()).state).toBe('degraded');
    expect(await search()).toEqual(ids([second, first]));

    await until(async () => (await writer.cacheHealth()).state === 'ok');
    // The replayed bump reached Redis: neither instance reads the old entry, and caching resumes.
    expect(await search()).toEqual(ids([second, first]));
    const otherHits = (await other.searchCacheStatistics()).hits;
    expect(await search(other)).toEqual(ids([second, first]));
    expect(await search(other)).toEqual(ids([second, first]));
    expect((await other.searchCacheStatistics()).hits).toBeGreaterThan(otherHits);
  });
});
