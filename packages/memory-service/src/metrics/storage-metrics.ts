import type { StorageObserver } from '@slm/memory-runtime';
import { Histogram, type Registry } from 'prom-client';
import { MILLISECOND_BUCKETS } from './buckets.js';

/**
 * The dashboard's storage latency: every storage call timed by the runtime's storage proxy (pass it as
 * `openMemory(config, { storageObserver })`), by kind (read, write, search) and outcome.
 */
export function createStorageMetrics(registry: Registry): StorageObserver {
  const latency = new Histogram({
    name: 'memory_storage_operation_latency_ms',
    help: 'Duration of storage calls (through the cache to the durable store), in milliseconds.',
    labelNames: ['kind', 'outcome'] as const,
    buckets: MILLISECOND_BUCKETS,
    registers: [registry],
  });
  return (_operation, kind, durationMs, outcome) => latency.observe({ kind, outcome }, durationMs);
}
