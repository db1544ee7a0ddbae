import { withCache } from '@slm/storage-cache';
import { startRedisServer } from '@slm/vitest-config/redis-server';
import type { FilledFile } from '../libsql/filled-file.js';
import { openLibsqlStorage } from '../libsql/open.js';
import { type Latency, measure } from '../measure.js';
import { random } from '../workload.js';
import { zipfSampler } from './zipf.js';

export interface ZipfPoint {
  exponent: number;
  reads: number;
  hitRate: number;
  evictions: number;
}

export interface CacheResults {
  episodes: number;
  cacheSize: number;
  /** `getEpisode` answered from Redis (a hit), µs. */
  cachedGet: Latency;
  /** `getEpisode` from the libSQL file with no cache in front, µs, for comparison. */
  durableGet: Latency;
  zipf: ZipfPoint[];
}

const NAMESPACE = 'default';

/**
 * The Redis cache in front of a filled libSQL file (only read here): the latency of a cached `getEpisode`
 * against the durable store's, and the hit rate of Zipf-distributed reads with a `cacheSize`-episode bound
 * (the seed's sizing question). Starts a private redis-server on a free port.
 */
export async function benchCache(
  filled: FilledFile,
  cacheSize: number,
  progress: (message: string) => void,
): Promise<CacheResults> {
  const { file, episodes } = filled;
  const redis = await startRedisServer();
  try {
    const durable = await openLibsqlStorage(file);
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await durable.listEpisodes(NAMESPACE, {}, { limit: 100, ...(cursor ? { cursor } : {}) });
      ids.push(...page.items.map((episode) => episode.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);

    progress('cache: cached and durable getEpisode …');
    const hot = ids.slice(0, 200);
    const durableGet = await measure(
      (id: string) => durable.getEpisode(NAMESPACE, id),
      (index) => hot[index % hot.length]!,
      {
        iterations: 1_000,
        warmup: 200,
        runs: 3,
      },
    );
    const latencyCache = withCache(durable, {
      redis: redis.url,
      maxEpisodes: cacheSize,
      keyPrefix: 'bench-latency',
    });
    for (const id of hot) await latencyCache.getEpisode(NAMESPACE, id);
    const cachedGet = await measure(
      (id: string) => latencyCache.getEpisode(NAMESPACE, id),
      (index) => hot[index % hot.length]!,
      {
        iterations: 1_000,
        warmup: 200,
        runs: 3,
      },
    );
    const latencyStatistics = await latencyCache.cacheStatistics();
    if (latencyStatistics.misses > hot.length) throw new Error('the cached-get benchmark missed the cache');

    const zipf: ZipfPoint[] = [];
    for (const exponent of [0.8, 1.0, 1.2]) {
      progress(`cache: Zipf(${exponent}) reads …`);
      // Each cache gets its own store: closing a cache closes the store under it.
      const cache = withCache(await openLibsqlStorage(file), {
        redis: redis.url,
        maxEpisodes: cacheSize,
        keyPrefix: `bench-zipf-${exponent}`,
      });
      const sample = zipfSampler(ids.length, exponent, random(23));
      const reads = 20_000;
      for (let read = 0; read < reads; read++) await cache.getEpisode(NAMESPACE, ids[sample()]!);
      const statistics = await cache.cacheStatistics();
      zipf.push({ exponent, reads, hitRate: statistics.hitRate, evictions: statistics.evictions });
      await cache.close();
    }
    await latencyCache.close(); // closes `durable` too
    return { episodes, cacheSize, cachedGet, durableGet, zipf };
  } finally {
    await redis.stop();
  }
}
