import type { CacheStatistics } from '@slm/memory-core';
import { Counter, Gauge, type Registry } from 'prom-client';

/** Reads the cache's own counters at scrape time; `null` when the memory has no cache (or is closed). */
export type CacheStatisticsSource = () => Promise<CacheStatistics | null>;

/**
 * Cache metrics copied from `memory.cacheStatistics()` when Prometheus scrapes, labelled by backend (`redis` or
 * `in-process`). Without a cache there are no series at all rather than misleading zeros.
 */
export function registerCacheMetrics(
  registry: Registry,
  source: () => CacheStatisticsSource | undefined,
): void {
  let pending: Promise<CacheStatistics | null> | undefined;
  // One read per scrape, shared by every metric below (they collect concurrently).
  const read = (): Promise<CacheStatistics | null> => {
    pending ??= (source()?.() ?? Promise.resolve(null))
      .catch(() => null)
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
  const labelNames = ['backend'] as const;
  const registers = [registry];
  const gauge = (name: string, help: string, value: (stats: CacheStatistics) => number) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers,
      async collect() {
        const stats = await read();
        this.reset();
        if (stats) this.set({ backend: stats.backend }, value(stats));
      },
    });
  const counter = (name: string, help: string, value: (stats: CacheStatistics) => number) =>
    new Counter({
      name,
      help,
      labelNames,
      registers,
      async collect() {
        const stats = await read();
        this.reset();
        if (stats) this.inc({ backend: stats.backend }, value(stats));
      },
    });
  gauge('memory_cache_hit_rate', 'Cache hits over lookups since start (0–1).', (stats) => stats.hitRate);
  counter('memory_cache_hits_total', 'Episode reads served from the cache.', (stats) => stats.hits);
  counter('memory_cache_misses_total', 'Episode reads the cache could not serve.', (stats) => stats.misses);
  counter(
    'memory_cache_evictions_total',
    'Entries evicted to stay within the bound.',
    (stats) => stats.evictions,
  );
  counter(
    'memory_cache_errors_total',
    'Cache operations that failed (reads fell through to the store).',
    (stats) => stats.errors,
  );
  gauge('memory_cache_items', 'Entries in the cache now.', (stats) => stats.items);
  gauge('memory_cache_bytes', 'Approximate bytes held by the cache now.', (stats) => stats.bytes);
}
