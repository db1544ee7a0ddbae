import type { HealthStatus } from './admin-store.js';

/** Counts reported by `syncMemories` and `regenerate`. */
export interface CacheSyncReport {
  checked: number;
  refreshed: number;
  dropped: number;
}

export interface CacheRegenerateReport {
  dropped: number;
  warmed: number;
}

export interface CacheStatistics {
  backend: 'redis' | 'in-process';
  hits: number;
  misses: number;
  evictions: number;
  errors: number;
  hitRate: number;
  items: number;
  bytes: number;
}

export interface CacheHealth extends HealthStatus {
  /** `degraded`: the cache is unreachable and reads and writes go straight to the durable store. */
  state: 'ok' | 'degraded';
}

/**
 * An optional capability of a backend that fronts the durable store with a cache (storage-cache). Core finds
 * it with `hasCacheMaintenance` and never learns which cache it is.
 */
export interface CacheMaintenance {
  /** Reconciles cached entries with the durable store: refresh or drop every entry whose version differs. */
  syncMemories(namespace?: string): Promise<CacheSyncReport>;
  /** Drops a namespace's cached entries and warms the most recent `warm` episodes. */
  regenerate(namespace: string, warm?: number): Promise<CacheRegenerateReport>;
  cacheStatistics(): Promise<CacheStatistics>;
  cacheHealth(): Promise<CacheHealth>;
}

export function hasCacheMaintenance(value: object): value is CacheMaintenance {
  const candidate = value as Partial<CacheMaintenance>;
  return (
    typeof candidate.syncMemories === 'function' &&
    typeof candidate.regenerate === 'function' &&
    typeof candidate.cacheStatistics === 'function'
  );
}
