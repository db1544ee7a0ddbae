import { searchTerms } from '@slm/memory-core';
import { describe, expect, it } from 'vitest';
import { CACHE_FORMAT } from '../src/index.js';
import { useDurableStorage } from './support/durable.js';
import { completedEpisode, NS } from './support/fixtures.js';
import { connectTestClient, redisUrl, uniquePrefix } from './support/redis.js';

const durableStorage = useDurableStorage();
const admin = await connectTestClient();

async function setup() {
  const keyPrefix = uniquePrefix();
  const cache = durableStorage.cache(await durableStorage.open(), {
    redis: redisUrl(),
    keyPrefix,
    operationTimeoutMs: 1_000, // a timed-out fill on a busy machine would leave no key to inspect
  });
  const base = `${keyPrefix}:v${CACHE_FORMAT}:${NS}`;
  await cache.insertEpisode(completedEpisode(1));
  const search = () => cache.searchEpisodesByText(NS, searchTerms('checkout'), {}, 10);
  const generation = async () => BigInt((await admin.get(`${base}:generation`)) ?? -1);
  return { cache, base, search, generation };
}

describe('search keys in Redis', () => {
  it('stores results under {prefix}:v{format}:{namespace}:search:{generation}:{sha256}', async () => {
    const { cache, base, search, generation } = await setup();
    const hits = await search();
    const keys = await admin.keys(`${base}:search:*`);
    expect(keys).toHaveLength(1);
    const [, segment] = /:search:(\d+):[0-9a-f]{64}$/.exec(keys[0]!) ?? [];
    expect(BigInt(segment!)).toBe(await generation());
    expect(JSON.parse((await admin.get(keys[0]!))!)).toEqual(hits.map((hit) => [hit.id, hit.score]));
    expect(await admin.pTTL(keys[0]!)).toBeGreaterThan(290_000); // min(ttl, 300 s)
    expect(await admin.pTTL(keys[0]!)).toBeLessThanOrEqual(300_000);

    const before = await generation();
    await cache.insertEpisode(completedEpisode(2));
    expect(await generation()).toBe(before + 1n);
  });

  it('never repeats a generation: a lost counter restarts above it, and regenerate keeps it', async () => {
    const { cache, base, search, generation } = await setup();
    await search();
    const lost = await generation();
    await admin.del(`${base}:generation`);
    await search();
    expect(await generation()).toBeGreaterThan(lost);

    const kept = await generation();
    await cache.regenerate(NS, 0);
    expect(await generation()).toBe(kept + 1n);
    expect(await admin.keys(`${base}:search*`)).toEqual([]);
  });
});
