import type { MemoryObserver, SelfLearningMemory } from '@slm/memory-core';
import type { StorageObserver } from '@slm/memory-runtime';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { type CacheStatisticsSource, registerCacheMetrics } from './cache-metrics.js';
import { createHttpMetrics, type HttpMetrics } from './http-metrics.js';
import { createMemoryObserverMetrics } from './memory-observer-metrics.js';
import { type PoolStatisticsSource, registerPoolMetrics } from './pool-metrics.js';
import { type ReadStatisticsSource, registerReadMetrics } from './read-metrics.js';
import { createStorageMetrics } from './storage-metrics.js';

export interface ServiceMetricsOptions {
  /** The store's pool statistics (storage-turso: `() => storage.poolStatistics()`); can be bound later. */
  poolStatistics?: PoolStatisticsSource;
  /** Where the store's reads ran (storage-turso: `() => storage.readStatistics()`); can be bound later. */
  readStatistics?: ReadStatisticsSource;
  /** Node process metrics (CPU, memory, event loop, GC). Default true. */
  processMetrics?: boolean;
}

export interface ScrapeSources {
  /** The memory whose `cacheStatistics()` feeds the cache metrics. */
  memory?: SelfLearningMemory;
  poolStatistics?: PoolStatisticsSource;
  readStatistics?: ReadStatisticsSource;
}

export interface ServiceMetrics {
  readonly registry: Registry;
  /** Pass to `createMemory({ observer })`: it exists before the memory does. */
  readonly observer: MemoryObserver;
  /** Pass to `openMemory({ storageObserver })`: the storage latency histogram. */
  readonly storageObserver: StorageObserver;
  readonly http: HttpMetrics;
  /** Sets what scrape-time metrics read (createService binds its memory and pool). */
  bindSources(sources: ScrapeSources): void;
}

/**
 * The Prometheus registry of one service: the seed's metric names, HTTP request metrics and Node process
 * metrics. Create it first and give `observer` to the memory; every value is measured, none is hard-coded.
 */
export function createServiceMetrics(options: ServiceMetricsOptions = {}): ServiceMetrics {
  const registry = new Registry();
  let cacheSource: CacheStatisticsSource | undefined;
  let poolSource = options.poolStatistics;
  let readSource = options.readStatistics;
  registerCacheMetrics(registry, () => cacheSource);
  registerPoolMetrics(registry, () => poolSource);
  registerReadMetrics(registry, () => readSource);
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  return {
    registry,
    observer: createMemoryObserverMetrics(registry),
    storageObserver: createStorageMetrics(registry),
    http: createHttpMetrics(registry),
    bindSources(sources) {
      if (sources.memory) {
        const memory = sources.memory;
        cacheSource = () => memory.cacheStatistics();
      }
      if (sources.poolStatistics) poolSource = sources.poolStatistics;
      if (sources.readStatistics) readSource = sources.readStatistics;
    },
  };
}
