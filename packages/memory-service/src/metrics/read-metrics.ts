import { Counter, Gauge, type Registry } from 'prom-client';

/** The fields of storage-turso's `ReadStatistics` the metrics read (structural, like the pool's). */
export interface ReadStatisticsSnapshot {
  threads: 'waiting' | 'running' | 'off';
  onThreads: number;
  onMainThread: number;
  lookups: number;
}

/** Read at scrape time; `null` when the store reports no reads (e.g. the in-memory backend). */
export type ReadStatisticsSource = () => ReadStatisticsSnapshot | null;

/**
 * Where the libSQL store's reads ran (ADR 0010): on its read threads, on the main thread (before the threads
 * started, or with them off), or as single-record lookups, which always run on the main thread.
 */
export function registerReadMetrics(
  registry: Registry,
  source: () => ReadStatisticsSource | undefined,
): void {
  const read = (): ReadStatisticsSnapshot | null => {
    try {
      return source()?.() ?? null;
    } catch {
      return null;
    }
  };
  new Counter({
    name: 'memory_storage_reads_total',
    help: 'Read operations of the libSQL store by where they ran: thread, main_thread, lookup (one record by key).',
    labelNames: ['where'] as const,
    registers: [registry],
    collect() {
      const stats = read();
      this.reset();
      if (!stats) return;
      this.inc({ where: 'thread' }, stats.onThreads);
      this.inc({ where: 'main_thread' }, stats.onMainThread);
      this.inc({ where: 'lookup' }, stats.lookups);
    },
  });
  new Gauge({
    name: 'memory_read_threads_running',
    help: "1 while the libSQL store's read threads answer reads, else 0 (waiting for the first reads, or off).",
    registers: [registry],
    collect() {
      const stats = read();
      this.reset();
      if (stats) this.set(stats.threads === 'running' ? 1 : 0);
    },
  });
}
