import type { CacheMaintenance, StorageBackend } from '@slm/memory-core';
import { CacheGuard } from './cache-guard.js';
import { createCacheKeys } from './cache-keys.js';
import { type CacheOptions, type ResolvedCacheOptions, resolveCacheOptions } from './cache-options.js';
import type { CacheStore } from './cache-store.js';
import { CachedStorage } from './cached-storage.js';
import { EpisodeCache } from './episode-cache.js';
import { InProcessCacheStore } from './in-process/in-process-cache-store.js';
import { PendingInvalidations } from './pending-invalidations.js';
import { connectRedis } from './redis/connect-redis.js';
import { RedisCacheStore } from './redis/redis-cache-store.js';

/**
 * Puts a cache in front of `durable`: Redis when `options.redis` is given, else an in-process LRU. The durable
 * store stays the single source of truth; the result passes the storage contract suite unchanged and offers
 * `CacheMaintenance` (find it with `hasCacheMaintenance`).
 */
export function withCache(
  durable: StorageBackend,
  options: CacheOptions = {},
): StorageBackend & CacheMaintenance {
  const resolved = resolveCacheOptions(options);
  const guard = new CacheGuard(resolved);
  const store = createCacheStore(resolved, guard);
  return new CachedStorage(
    new EpisodeCache(durable, store, guard, new PendingInvalidations()),
    resolved.maxEpisodes,
  );
}

function createCacheStore(options: ResolvedCacheOptions, guard: CacheGuard): CacheStore {
  const { redis, maxEpisodes, ttlMs } = options;
  if (redis === undefined) return new InProcessCacheStore({ maxEpisodes, ttlMs });
  // Connection errors (Redis down, reconnect attempts) are reported through the guard's throttled log.
  const connection =
    typeof redis === 'string'
      ? connectRedis(redis, (error) => guard.reportConnectionError(error))
      : { client: redis, release: async () => {} };
  return new RedisCacheStore({
    client: connection.client,
    ...('firstConnection' in connection ? { firstConnection: connection.firstConnection } : {}),
    keys: createCacheKeys(options.keyPrefix, options.cacheFormat),
    maxEpisodes,
    ttlMs,
    operationTimeoutMs: options.operationTimeoutMs,
    maintenanceTimeoutMs: Math.max(1_000, options.operationTimeoutMs * 20),
    release: connection.release,
  });
}
