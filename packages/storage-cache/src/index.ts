export { CACHE_FORMAT, type CacheKeys, createCacheKeys } from './cache-keys.js';
export type { SearchCacheStatistics } from './cache-maintenance.js';
export { type CacheOptions, DEFAULT_CACHE_OPTIONS } from './cache-options.js';
export type { CacheStore } from './cache-store.js';
export { InProcessCacheStore, type InProcessCacheStoreOptions } from './in-process/in-process-cache-store.js';
export {
  InProcessSearchStore,
  type InProcessSearchStoreOptions,
} from './in-process/in-process-search-store.js';
export { ACCEPTED_REDIS_SCHEMES } from './redis/connect-redis.js';
export { RedisCacheStore, type RedisCacheStoreOptions } from './redis/redis-cache-store.js';
export type { RedisCommandClient } from './redis/redis-commands.js';
export { RedisSearchStore, type RedisSearchStoreOptions } from './redis/redis-search-store.js';
export { MAX_SEARCH_TTL_MS, type SearchStore } from './search/search-store.js';
export { type CachedStorageBackend, withCache } from './with-cache.js';
