import { unavailable } from '../failures.js';
import { LatencyWindow } from './latency-window.js';

export interface PoolStatistics {
  /** The configured bound (`PoolConfig.maxConnections`); `bounded` is false when pooling is disabled. */
  maxConnections: number;
  bounded: boolean;
  /** Requests holding a slot now. */
  active: number;
  /** Free slots now. */
  idle: number;
  /** Requests queued for a slot now. */
  waiting: number;
  /** The most requests ever in flight at once. */
  peakActive: number;
  /** `active / maxConnections`. */
  utilization: number;
  /** Slots handed out since start. */
  checkouts: number;
  /** Requests that gave up waiting (`connectionTimeoutMs`). */
  checkoutTimeouts: number;
  /** p95 of the time requests waited for a slot, over the last 1,024 checkouts. */
  checkoutWaitP95Ms: number;
  healthChecks: { run: number; failed: number };
}

interface Waiter {
  grant: () => void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * A counting semaphore over in-flight database requests with a FIFO wait queue and a checkout timeout. For a
 * remote database every request is an HTTP round trip, so this is the connection bound; for a file it still
 * bounds concurrency and measures it. All statistics are measured, never estimated.
 */
export class RequestPool {
  private active = 0;
  private peakActive = 0;
  private checkouts = 0;
  private checkoutTimeouts = 0;
  private healthChecksRun = 0;
  private healthChecksFailed = 0;
  private readonly waiters: Waiter[] = [];
  private readonly waits = new LatencyWindow();

  constructor(
    private readonly maxConnections: number,
    private readonly timeoutMs: number,
    private readonly bounded: boolean,
  ) {}

  /** Runs `work` holding a slot; waits (at most `timeoutMs`) while every slot is taken. */
  async use<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  recordHealthCheck(ok: boolean): void {
    this.healthChecksRun++;
    if (!ok) this.healthChecksFailed++;
  }

  statistics(): PoolStatistics {
    return {
      maxConnections: this.maxConnections,
      bounded: this.bounded,
      active: this.active,
      idle: Math.max(0, this.maxConnections - this.active),
      waiting: this.waiters.length,
      peakActive: this.peakActive,
      utilization: this.active / this.maxConnections,
      checkouts: this.checkouts,
      checkoutTimeouts: this.checkoutTimeouts,
      checkoutWaitP95Ms: this.waits.percentile(95),
      healthChecks: { run: this.healthChecksRun, failed: this.healthChecksFailed },
    };
  }

  private acquire(): Promise<void> {
    if (!this.bounded || this.active < this.maxConnections) {
      this.take(0);
      return Promise.resolve();
    }
    const queuedAt = performance.now();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(waiter.timer);
          this.take(performance.now() - queuedAt);
          resolve();
        },
        timer: setTimeout(() => {
          const index = this.waiters.indexOf(waiter);
          if (index >= 0) this.waiters.splice(index, 1);
          this.checkoutTimeouts++;
          reject(
            unavailable(
              `no database connection became free within ${this.timeoutMs} ms (${this.maxConnections} in use): raise MEMORY_MAX_CONNECTIONS or MEMORY_CONNECTION_TIMEOUT, or reduce load`,
              { maxConnections: this.maxConnections, timeoutMs: this.timeoutMs },
            ),
          );
        }, this.timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  private take(waitedMs: number): void {
    this.active++;
    this.checkouts++;
    this.peakActive = Math.max(this.peakActive, this.active);
    this.waits.record(waitedMs);
  }

  private release(): void {
    this.active--;
    // Hand the slot straight to the oldest waiter, so a burst of new requests cannot overtake the queue.
    this.waiters.shift()?.grant();
  }
}
