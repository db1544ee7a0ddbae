import type { CacheOptions } from '../../src/index.js';
import { redisUrl, uniquePrefix } from './redis.js';

/**
 * Both cache stores, each with a fresh key prefix; tests run over both unchanged. The Redis variant gets a
 * roomy timeout: these tests count hits and misses exactly, and a busy 2-core CI machine can exceed the 50 ms
 * production default (a timed-out call correctly degrades to a miss). Timeouts are tested in the outage tests.
 */
export const CACHE_VARIANTS: { name: string; options: () => CacheOptions }[] = [
  {
    name: 'redis',
    options: () => ({ redis: redisUrl(), keyPrefix: uniquePrefix(), operationTimeoutMs: 1_000 }),
  },
  { name: 'in-process', options: () => ({}) },
];
