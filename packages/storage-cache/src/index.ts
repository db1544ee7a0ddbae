export { CACHE_FORMAT, type CacheKeys, createCacheKeys } from './cache-keys.js';
export { type CacheOptions, DEFAULT_CACHE_OPTIONS } from './cache-options.js';
export type { CacheStore } from './cache-store.js';
export { InProcessCacheStore, type InProcessCacheStoreOptions } from './in-process/in-process-cache-store.js';
export { ACCEPTED_REDIS_SCHEMES } from './redis/connect-redis.js';
export { RedisCacheStore, type RedisCacheStoreOptions } from './redis/redis-cache-store.js';
export type { RedisCommandClient } from './redis/redis-commands.js';
export { withCache } from './with-cache.js';
