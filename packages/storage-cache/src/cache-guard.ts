import type { Logger } from '@slm/memory-core';

export type GuardOutcome<T> = { ok: true; value: T } | { ok: false };

export interface CacheGuardOptions {
  logger: Logger;
  retryIntervalMs: number;
  logIntervalMs: number;
  now?: () => number;
}

/**
 * Degrade, never fail: runs cache calls and turns a failure into "skip the cache". After a failure the cache
 * is skipped for `retryIntervalMs` (so a slow Redis costs one timeout per interval, not one per request), then
 * tried again; the first success ends the outage. Errors are counted; outages are logged at most once per
 * `logIntervalMs`, recoveries once.
 */
export class CacheGuard {
  #errors = 0;
  #degradedSince: number | null = null;
  #lastFailureAt = 0;
  #lastError: string | undefined;
  #lastLogAt = Number.NEGATIVE_INFINITY;
  #unlogged = 0;
  readonly #options: CacheGuardOptions;
  readonly #now: () => number;

  constructor(options: CacheGuardOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  get errors(): number {
    return this.#errors;
  }

  get degraded(): boolean {
    return this.#degradedSince !== null;
  }

  get lastError(): string | undefined {
    return this.#lastError;
  }

  /** Whether a call may be tried now. */
  get available(): boolean {
    return this.#degradedSince === null || this.#now() - this.#lastFailureAt >= this.#options.retryIntervalMs;
  }

  /** Runs `call` unless the cache is being skipped; `force` tries anyway (health probes). */
  async run<T>(operation: string, call: () => Promise<T>, force = false): Promise<GuardOutcome<T>> {
    if (!force && !this.available) return { ok: false };
    try {
      const value = await call();
      this.#succeeded();
      return { ok: true, value };
    } catch (error) {
      this.#failed(operation, error);
      return { ok: false };
    }
  }

  #succeeded(): void {
    if (this.#degradedSince === null) return;
    const degradedForMs = this.#now() - this.#degradedSince;
    this.#degradedSince = null;
    this.#lastError = undefined;
    this.#options.logger.info({ degradedForMs, errors: this.#errors }, 'cache recovered');
  }

  #failed(operation: string, error: unknown): void {
    const now = this.#now();
    this.#errors += 1;
    this.#lastFailureAt = now;
    this.#degradedSince ??= now;
    this.#lastError = error instanceof Error ? error.message : String(error);
    this.#log(operation, error, now);
  }

  /** Connection errors the client reports by itself (reconnect attempts): logged, not counted. */
  reportConnectionError(error: unknown): void {
    this.#log('connect', error, this.#now());
  }

  #log(operation: string, error: unknown, now: number): void {
    this.#unlogged += 1;
    if (now - this.#lastLogAt < this.#options.logIntervalMs) return;
    this.#options.logger.warn(
      { err: error, operation, errorsSinceLastLog: this.#unlogged },
      'cache unavailable; reads and writes go straight to the durable store',
    );
    this.#lastLogAt = now;
    this.#unlogged = 0;
  }
}
