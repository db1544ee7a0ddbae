import type { RuntimeConfig } from '@slm/memory-runtime';

/**
 * Without REDIS_URL every process has its own in-process cache, which another process cannot reach: what a
 * cache command does then concerns only the CLI's own, empty cache. Said in the output rather than hidden.
 */
export function inProcessCacheNote(config: RuntimeConfig): string | null {
  if (config.cache.redisUrl) return null;
  return "no REDIS_URL: the cache is in-process, so this command only saw memory-cli's own (empty) cache; a running memory-service keeps its own — restart it or use its /v1/admin/sync and /v1/admin/cache/regenerate";
}
