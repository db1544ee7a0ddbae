import { type Logger, MemoryError, noopLogger } from '@slm/memory-core';
import { CACHE_FORMAT } from './cache-keys.js';
import type { RedisCommandClient } from './redis/redis-commands.js';

export interface CacheOptions {
  /**
   * A Redis URL (`redis://` or `rediss://`, credentials in the URL) or a connected node-redis client. Absent:
   * an in-process LRU with the same bound, TTL and statistics.
   */
  redis?: string | RedisCommandClient;
  /** Most episodes cached per namespace, least recently used evicted first. Default 1,000. */
  maxEpisodes?: number;
  /** Most search results cached per namespace, oldest fill evicted first. Default 1,000. */
  maxSearches?: number;
  /** Lifetime of a cached entry from when it was filled (search results: at most 300 s). Default 1,800. */
  ttlSeconds?: number;
  /** First segment of every Redis key. Default `slm`. */
  keyPrefix?: string;
  /** Timeout of every hot-path Redis call; beyond it the call counts as failed. Default 50. */
  operationTimeoutMs?: number;
  /** Where cache outages and recoveries are reported (at most once per `logIntervalMs`). */
  logger?: Logger;
  /** After a failure, the cache is skipped for this long before Redis is tried again. Default 1,000. */
  retryIntervalMs?: number;
  /** Least time between two outage log lines. Default 60,000. */
  logIntervalMs?: number;
  /** Layout version in the keys; only tests and migrations override it. Default `CACHE_FORMAT`. */
  cacheFormat?: number;
}

export interface ResolvedCacheOptions {
  redis: string | RedisCommandClient | undefined;
  maxEpisodes: number;
  maxSearches: number;
  ttlMs: number;
  keyPrefix: string;
  operationTimeoutMs: number;
  logger: Logger;
  retryIntervalMs: number;
  logIntervalMs: number;
  cacheFormat: number;
}

export const DEFAULT_CACHE_OPTIONS = {
  maxEpisodes: 1_000,
  maxSearches: 1_000,
  ttlSeconds: 1_800,
  keyPrefix: 'slm',
  operationTimeoutMs: 50,
  retryIntervalMs: 1_000,
  logIntervalMs: 60_000,
} as const;

/** Applies defaults and rejects impossible values early with `CONFIG_INVALID`. */
export function resolveCacheOptions(options: CacheOptions): ResolvedCacheOptions {
  const defaults = DEFAULT_CACHE_OPTIONS;
  const maxEpisodes = options.maxEpisodes ?? defaults.maxEpisodes;
  const ttlSeconds = options.ttlSeconds ?? defaults.ttlSeconds;
  const keyPrefix = options.keyPrefix ?? defaults.keyPrefix;
  const maxSearches = options.maxSearches ?? defaults.maxSearches;
  requirePositive('maxEpisodes', maxEpisodes, true);
  requirePositive('maxSearches', maxSearches, true);
  requirePositive('ttlSeconds', ttlSeconds, false);
  const operationTimeoutMs = options.operationTimeoutMs ?? defaults.operationTimeoutMs;
  requirePositive('operationTimeoutMs', operationTimeoutMs, false);
  const retryIntervalMs = options.retryIntervalMs ?? defaults.retryIntervalMs;
  const logIntervalMs = options.logIntervalMs ?? defaults.logIntervalMs;
  const cacheFormat = options.cacheFormat ?? CACHE_FORMAT;
  requirePositive('cacheFormat', cacheFormat, true);
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(keyPrefix)) {
    throw new MemoryError(
      'CONFIG_INVALID',
      'the cache option `keyPrefix` must be 1–64 of A–Z a–z 0–9 _ . -',
      {
        details: { option: 'keyPrefix' },
      },
    );
  }
  return {
    redis: options.redis,
    maxEpisodes,
    maxSearches,
    ttlMs: Math.max(1, Math.round(ttlSeconds * 1000)),
    keyPrefix,
    operationTimeoutMs,
    logger: options.logger ?? noopLogger,
    retryIntervalMs,
    logIntervalMs,
    cacheFormat,
  };
}

function requirePositive(option: string, value: number, integer: boolean): void {
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new MemoryError(
      'CONFIG_INVALID',
      `the cache option \`${option}\` must be a positive ${integer ? 'integer' : 'number'}, got ${value}`,
      { details: { option, value } },
    );
  }
}
