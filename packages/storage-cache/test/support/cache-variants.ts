import type { CacheOptions } from '../../src/index.js';
import { redisUrl, uniquePrefix } from './redis.js';

/** Both cache stores, each with a fresh key prefix; tests run over both unchanged. */
export const CACHE_VARIANTS: { name: string; options: () => CacheOptions }[] = [
  { name: 'redis', options: () => ({ redis: redisUrl(), keyPrefix: uniquePrefix() }) },
  { name: 'in-process', options: () => ({}) },
];
