import type { CacheMaintenance, StorageBackend } from '@slm/memory-core';
import { CacheGuard } from './cache-guard.js';
import { createCacheKeys } from './cache-keys.js';
import type { SearchCacheStatistics } from './cache-maintenance.js';
import { type CacheOptions, type ResolvedCacheOptions, resolveCacheOptions } from './cache-options.js';
import type { CacheStore } from './cache-store.js';
import { CachedStorage } from './cached-storage.js';
import { EpisodeCache } from './episode-cache.js';
import { InProcessCacheStore } from './in-process/in-process-cache-store.js';
import { InProcessSearchStore } from './in-process/in-process-search-store.js';
import { PendingInvalidations } from './pending-invalidations.js';
import { connectRedis } from './redis/connect-redis.js';
import { RedisCacheStore } from './redis/redis-cache-store.js';
import { RedisSearchStore } from './redis/redis-search-store.js';
import { PendingBumps } from './search/pending-bumps.js';
import { SearchCache } from './search/search-cache.js';
import { MAX_SEARCH_TTL_MS, type SearchStore } from './search/search-store.js';

/** What `withCache` returns: a `StorageBackend` with `CacheMaintenance`, plus the search counters. */
export type CachedStorageBackend = StorageBackend &
  CacheMaintenance & { searchCacheStatistics(): Promise<SearchCacheStatistics> };

/**
 * Puts a cache in front of `durable`: Redis when `options.redis` is given, else an in-process LRU. The durable
 * store stays the single source of truth; the result passes the storage contract suite unchanged and offers
 * `CacheMaintenance` (find it with `hasCacheMaintenance`).
 */
export function withCache(durable: StorageBackend, options: CacheOptions = {}): CachedStorageBackend {
  const resolved = resolveCacheOptions(options);
  const guard = new CacheGuard(resolved);
  const { episodes, searches } = createCacheStores(resolved, guard);
  return new CachedStorage(
    new EpisodeCache(durable, episodes, guard, new PendingInvalidations()),
    new SearchCache(searches, guard, new PendingBumps()),
    resolved.maxEpisodes,
  );
}

function createCacheStores(
  options: ResolvedCacheOptions,
  guard: CacheGuard,
): { episodes: CacheStore; searches: SearchStore } {
  const { redis, maxEpisodes, maxSearches, ttlMs } = options;
  const searchTtlMs = Math.min(ttlMs, MAX_SEARCH_TTL_MS);
  if (redis === undefined) {
    return {
      episodes: new InProcessCacheStore({ maxEpisodes, ttlMs }),
      searches: new InProcessSearchStore({ maxSearches, ttlMs: searchTtlMs }),
    };
  }
  // Connection errors (Redis down, reconnect attempts) are reported through the guard's throttled log.
  const connection =
    typeof redis === 'string'
      ? connectRedis(redis, (error) => guard.reportConnectionError(error))
      : { client: redis, release: async () => {} };
  const shared = {
    client: connection.client,
    ...('firstConnection' in connection ? { firstConnection: connection.firstConnection } : {}),
    keys: createCacheKeys(options.keyPrefix, options.cacheFormat),
    operationTimeoutMs: options.operationTimeoutMs,
    maintenanceTimeoutMs: Math.max(1_000, options.operationTimeoutMs * 20),
  };
  return {
    episodes: new RedisCacheStore({ ...shared, maxEpisodes, ttlMs, release: connection.release }),
    searches: new RedisSearchStore({ ...shared, maxSearches, ttlMs: searchTtlMs }),
  };
}
