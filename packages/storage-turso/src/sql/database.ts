import type { Client } from '@libsql/client';
import { asStorageError, type HealthStatus } from '@slm/memory-core';
import type { GroupCommitConfig, PoolConfig, ReadThreadConfig, TursoConfig } from '../config.js';
import { unavailable } from '../failures.js';
import { BackgroundCheckpoint } from './background-checkpoint.js';
import { isConnectionError } from './errors.js';
import {
  type Combiner,
  GroupCommit,
  type GroupCommitStatistics,
  type TransactionScope,
  type WriteBody,
} from './group-commit.js';
import { Mutex } from './mutex.js';
import { closeClients, type DatabaseClients } from './open-clients.js';
import { type ReadStatistics, ReadThreads } from './read-threads.js';
import { type PoolStatistics, RequestPool } from './request-pool.js';
import { withRetry } from './retry.js';
import { clientRunner, type SqlRunner } from './runner.js';

/** Transactions between two re-assertions of the writer's pragmas. */
const PRAGMA_INTERVAL = 256;

export interface DatabaseOptions {
  turso: TursoConfig;
  pool: PoolConfig;
  groupCommit: GroupCommitConfig;
  /** Read threads of a plain local file. */
  reads: ReadThreadConfig;
  /** Whether a failed remote COMMIT may have committed anyway (remote databases). */
  remote: boolean;
}

/** `vector`: a read whose statements call libSQL's vector functions (see `Database.read`). */
export type ReadKind = 'vector' | 'other';

/**
 * Every database access of the storage goes through here: reads with retries inside a pool slot, writes
 * through group commit, failures mapped to `MemoryError`, and refusal after `close()`.
 */
export class Database {
  readonly pool: RequestPool;
  private readonly writes: GroupCommit;
  private readonly reader: SqlRunner;
  /** Serialises reads with write transactions when the client has a single connection (embedded replica). */
  private readonly gate: Mutex | undefined;
  private closed = false;
  private pragmasDue = true;
  /** Checkpoints of a local file, run on a worker thread once the store is busy. */
  private readonly checkpoint: BackgroundCheckpoint | undefined;
  /** Reads of a local file, run on worker threads once the store is busy. */
  private readonly readThreads: ReadThreads | undefined;
  /** Reads that call libSQL's vector functions on a local file, one at a time (see `read`). */
  private readonly vectorReads = new Mutex();
  private mainThreadReads = 0;
  private lookups = 0;

  constructor(
    private readonly clients: DatabaseClients,
    private readonly options: DatabaseOptions,
  ) {
    this.pool = new RequestPool(
      options.pool.maxConnections,
      options.pool.connectionTimeoutMs,
      options.turso.enablePooling,
    );
    this.reader = clientRunner(clients.reader);
    this.gate = clients.exclusive ? new Mutex() : undefined;
    this.checkpoint = clients.file
      ? new BackgroundCheckpoint(clients.file.path, clients.file.busyTimeoutMs, () => {
          this.pragmasDue = true;
        })
      : undefined;
    this.readThreads = clients.file
      ? new ReadThreads(clients.file.path, clients.file.busyTimeoutMs, options.reads, this.reader)
      : undefined;
    this.writes = new GroupCommit(this.transactionScope(), {
      bounds: options.groupCommit,
      retry: options.turso,
      commitMayBeAmbiguous: options.remote,
      beforeRetry: async (error) => {
        await this.recover(clients.writer);
        await this.probeAfter(error);
      },
    });
  }

  /**
   * Runs a read (one or more statements through `runner`), retrying transient failures: on a read thread
   * of a local file when they run (searches, lists and batches keep the event loop free), else on the main
   * thread's reader.
   *
   * `kind` `vector`: the body calls libSQL's vector functions. On a local file such reads run one at a time.
   * Two of them on two threads only take turns (`pnpm --filter @slm/bench run libsql:threads`), and side by
   * side they slow every other SQLite call of the process, the main thread's writes included: with four agents
   * retrieving, a durable log step's p95 was ~6 ms with them side by side and ~1 ms one at a time
   * (`libsql:mixed`, ADR 0011) — most likely all waiting on SQLite's global allocator, which the vector
   * functions call for every row.
   */
  read<T>(operation: string, body: (runner: SqlRunner) => Promise<T>, kind: ReadKind = 'other'): Promise<T> {
    const run = () => this.runRead(operation, body, () => this.readRunner());
    return kind === 'vector' && this.clients.file ? this.vectorReads.run(run) : run();
  }

  /**
   * Runs a read of records by key (one record, or a few rows for each of a handful of keys) on the main
   * thread's reader: it costs less there (tens of microseconds) than a thread's round trip, and blocks the
   * event loop no longer.
   */
  lookup<T>(operation: string, body: (runner: SqlRunner) => Promise<T>): Promise<T> {
    return this.runRead(operation, body, () => {
      this.lookups++;
      return this.reader;
    });
  }

  private async runRead<T>(
    operation: string,
    body: (runner: SqlRunner) => Promise<T>,
    runner: () => SqlRunner,
  ): Promise<T> {
    this.assertOpen(operation);
    try {
      return await withRetry(
        this.options.turso,
        () => this.pool.use(() => this.exclusively(() => body(runner()))),
        // Only the writer is reconnected after a failure (see `recover`): reads hold no transaction, and
        // replacing the reader's connections would pull them from under concurrent reads.
        { beforeRetry: (error) => this.probeAfter(error) },
      );
    } catch (error) {
      throw asStorageError(error, operation);
    }
  }

  /**
   * Runs a write inside the next group commit and resolves once it is committed. `bytes` approximates the
   * payload, to bound a transaction's size.
   */
  async write<T>(operation: string, body: WriteBody<T>, bytes = 256): Promise<T> {
    this.assertOpen(operation);
    try {
      return await this.writes.submit(body, bytes);
    } catch (error) {
      throw asStorageError(error, operation);
    }
  }

  /** Like `write`, for writes that the next group commit runs together with others of their kind. */
  async writeCombined<I, T>(operation: string, combiner: Combiner<I, T>, input: I, bytes = 256): Promise<T> {
    this.assertOpen(operation);
    try {
      return await this.writes.submitCombined(combiner, input, bytes);
    } catch (error) {
      throw asStorageError(error, operation);
    }
  }

  writeStatistics(): GroupCommitStatistics {
    return this.writes.statistics();
  }

  readStatistics(): ReadStatistics {
    const reads = this.readThreads?.statistics() ?? {
      threads: 'off' as const,
      onThreads: 0,
      onMainThread: this.mainThreadReads,
    };
    return { ...reads, lookups: this.lookups };
  }

  poolStatistics(): PoolStatistics {
    return this.pool.statistics();
  }

  /** `SELECT 1` within the health-check timeout, outside the pool (it reports the database, not the queue). */
  async healthCheck(): Promise<HealthStatus> {
    this.assertOpen('healthCheck');
    const started = performance.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const timeoutMs = this.options.pool.healthCheckTimeoutMs;
      await Promise.race([
        this.exclusively(() => this.reader.execute('SELECT 1')),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      this.pool.recordHealthCheck(true);
      return { ok: true, latencyMs: performance.now() - started };
    } catch (error) {
      this.pool.recordHealthCheck(false);
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, latencyMs: performance.now() - started, error: message };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Waits for queued writes to commit, then closes the clients. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.writes.drained();
    await this.readThreads?.stop();
    await this.checkpoint?.stop();
    closeClients(this.clients);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  assertOpen(operation: string): void {
    if (this.closed) {
      throw unavailable(`storage is closed: ${operation} was called after close()`, { operation });
    }
  }

  private transactionScope(): TransactionScope {
    const { writer, writerPragmas } = this.clients;
    let transactions = 0;
    return (body) =>
      this.pool.use(() =>
        this.exclusively(async () => {
          // Per-connection pragmas: after (re)connecting, and every so often in case the client replaced a
          // connection it found broken. Cheap, but not free enough for every transaction.
          if (this.pragmasDue || transactions++ % PRAGMA_INTERVAL === 0) {
            for (const pragma of writerPragmas) await writer.execute(pragma);
            if (this.checkpoint)
              await writer.execute(`PRAGMA wal_autocheckpoint = ${this.checkpoint.autocheckpointPages}`);
            this.pragmasDue = false;
          }
          const transaction = await writer.transaction('write');
          try {
            const result = await body(transaction);
            this.checkpoint?.noteCommit();
            return result;
          } finally {
            transaction.close();
          }
        }),
      );
  }

  /** A read thread's runner when they run, else the main thread's reader. */
  private readRunner(): SqlRunner {
    if (this.readThreads) return this.readThreads.runner();
    this.mainThreadReads++;
    return this.reader;
  }

  private exclusively<T>(task: () => Promise<T>): Promise<T> {
    return this.gate ? this.gate.run(task) : task();
  }

  /**
   * Replaces the writer's local connection before a retry: after SQLITE_BUSY it cannot commit (see
   * `DatabaseClients.local`). Writes are serialised by group commit, so nothing else is using it.
   */
  private async recover(client: Client): Promise<void> {
    if (!this.clients.local || this.closed) return;
    await this.exclusively(async () => client.reconnect());
    this.pragmasDue = true;
  }

  /** After a dropped connection, check the database answers before retrying (counted in the pool statistics). */
  private async probeAfter(error: unknown): Promise<void> {
    if (this.options.pool.enableHealthCheck && isConnectionError(error) && !this.closed) {
      await this.healthCheck();
    }
  }
}
