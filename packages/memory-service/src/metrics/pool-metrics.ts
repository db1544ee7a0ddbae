import { Counter, Gauge, type Registry } from 'prom-client';

/**
 * The fields of storage-turso's `PoolStatistics` the metrics read (structural, so this package does not depend
 * on the libSQL backend). Optional fields are exported when present.
 */
export interface PoolStatisticsSnapshot {
  utilization: number;
  active: number;
  idle?: number;
  waiting?: number;
  maxConnections?: number;
  checkouts?: number;
  checkoutTimeouts?: number;
  /** p95 of the wait for a slot over the pool's recent checkouts (storage-turso keeps the last 1,024). */
  checkoutWaitP95Ms?: number;
}

/** Read at scrape time; `null` when the store has no pool (e.g. the in-memory backend). */
export type PoolStatisticsSource = () => PoolStatisticsSnapshot | null;

/**
 * The seed's pool metrics. The pool measures its checkout wait as a rolling p95 rather than exposing every
 * wait, so `memory_pool_checkout_wait_ms` is a gauge of that p95, not a histogram. A field the pool does not
 * report yields no sample.
 */
export function registerPoolMetrics(
  registry: Registry,
  source: () => PoolStatisticsSource | undefined,
): void {
  const registers = [registry];
  const read = (): PoolStatisticsSnapshot | null => {
    try {
      return source()?.() ?? null;
    } catch {
      return null;
    }
  };
  const gauge = (name: string, help: string, value: (stats: PoolStatisticsSnapshot) => number | undefined) =>
    new Gauge({
      name,
      help,
      labelNames: ['pool'] as const,
      registers,
      collect() {
        const stats = read();
        const measured = stats ? value(stats) : undefined;
        this.reset();
        if (measured !== undefined) this.set({ pool: 'database' }, measured);
      },
    });
  const counter = (
    name: string,
    help: string,
    value: (stats: PoolStatisticsSnapshot) => number | undefined,
  ) =>
    new Counter({
      name,
      help,
      labelNames: ['pool'] as const,
      registers,
      collect() {
        const stats = read();
        const measured = stats ? value(stats) : undefined;
        this.reset();
        if (measured !== undefined) this.inc({ pool: 'database' }, measured);
      },
    });
  gauge(
    'memory_pool_utilization',
    'Database requests holding a pool slot over the pool size (0–1).',
    (s) => s.utilization,
  );
  gauge('memory_pool_active_connections', 'Database requests holding a pool slot now.', (s) => s.active);
  gauge('memory_pool_idle_connections', 'Free pool slots now.', (s) => s.idle);
  gauge('memory_pool_waiting_requests', 'Database requests queued for a pool slot now.', (s) => s.waiting);
  gauge(
    'memory_pool_max_connections',
    'The configured pool size (MEMORY_MAX_CONNECTIONS).',
    (s) => s.maxConnections,
  );
  gauge(
    'memory_pool_checkout_wait_ms',
    'p95 of the wait for a pool slot over the most recent checkouts (the pool keeps 1,024), in milliseconds.',
    (s) => s.checkoutWaitP95Ms,
  );
  counter('memory_pool_checkouts_total', 'Pool slots handed out.', (s) => s.checkouts);
  counter(
    'memory_pool_checkout_timeouts_total',
    'Requests that gave up waiting for a pool slot.',
    (s) => s.checkoutTimeouts,
  );
}
