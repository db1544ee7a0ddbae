import { setTimeout as sleep } from 'node:timers/promises';
import type { Transaction } from '@libsql/client';
import type { GroupCommitConfig } from '../config.js';
import { isTransientError } from './errors.js';
import { backoffDelayMs, type RetryPolicy } from './retry.js';
import { type SqlRunner, transactionRunner } from './runner.js';

/** One caller's write: runs inside a shared transaction and must only touch the database through `runner`. */
export type WriteBody<T> = (runner: SqlRunner) => Promise<T>;

/** What became of one write of a batch. */
export type Outcome<T = unknown> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Writes of one kind that are cheaper together (step appends: one lookup and one multi-row INSERT for many
 * callers). `runMany` validates every input first and writes only the valid ones, so a refused input needs no
 * rollback: it gets a failed outcome. Throwing fails the whole group.
 */
export interface Combiner<I, T> {
  runMany(runner: SqlRunner, inputs: readonly I[]): Promise<Array<Outcome<T>>>;
}

/** Opens a write transaction (`BEGIN IMMEDIATE`), hands it to `body` and always closes it afterwards. */
export type TransactionScope = <T>(body: (transaction: Transaction) => Promise<T>) => Promise<T>;

export interface GroupCommitStatistics {
  /** Transactions committed. */
  transactions: number;
  /** Writes committed (each caller's write counts once, whatever its statements). */
  writes: number;
  /** Writes that failed on their own while the others in their transaction committed. */
  failedWrites: number;
  /** The most writes one transaction carried. */
  largestBatch: number;
  /** Transactions retried (whole, or split in halves) after a transient failure. */
  retries: number;
  /** Writes waiting for the next transaction now. */
  queued: number;
}

export interface GroupCommitOptions {
  bounds: GroupCommitConfig;
  retry: RetryPolicy;
  /**
   * Whether a failed COMMIT may nevertheless have committed (a remote database whose reply was lost). Such a
   * batch is never retried: re-running it could apply non-idempotent writes twice.
   */
  commitMayBeAmbiguous: boolean;
  beforeRetry?: (error: unknown) => Promise<void> | void;
}

interface QueuedWrite {
  /** A write of its own, or an input for `combiner`. */
  body?: WriteBody<unknown>;
  combiner?: Combiner<unknown, unknown>;
  input?: unknown;
  bytes: number;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** A COMMIT that failed: kept apart from failures before it, which are always safe to retry. */
class CommitFailed extends Error {
  constructor(override readonly cause: unknown) {
    super('commit failed', { cause });
  }
}

const SAVEPOINT = 'group_commit_write';

/**
 * Group commit. Writes that arrive while a transaction is being committed wait and go together into the next
 * one (bounded by count and bytes); each caller's promise settles when the transaction holding its write has
 * committed. Inside a shared transaction every write runs under its own SAVEPOINT, so a write that fails
 * (a conflict, a missing record) is rolled back alone and the others still commit; consecutive writes of one
 * `Combiner` run as one group. Transient failures (`SQLITE_BUSY`, a dropped connection) retry the whole
 * transaction with full-jitter backoff.
 *
 * Writes run one after another in arrival order, so a write sees everything written before it: this is also
 * the process-wide write lock that keeps concurrent callers from ever racing inside SQLite.
 */
export class GroupCommit {
  private readonly queue: QueuedWrite[] = [];
  private running = false;
  private idle: Promise<void> = Promise.resolve();
  private markIdle: () => void = () => {};
  private readonly counters = { transactions: 0, writes: 0, failedWrites: 0, largestBatch: 0, retries: 0 };

  constructor(
    private readonly scope: TransactionScope,
    private readonly options: GroupCommitOptions,
  ) {}

  submit<T>(body: WriteBody<T>, bytes: number): Promise<T> {
    return this.enqueue({ body }, bytes);
  }

  submitCombined<I, T>(combiner: Combiner<I, T>, input: I, bytes: number): Promise<T> {
    return this.enqueue({ combiner: combiner as Combiner<unknown, unknown>, input }, bytes);
  }

  statistics(): GroupCommitStatistics {
    return { ...this.counters, queued: this.queue.length };
  }

  /** Resolves once every write submitted so far has settled. */
  drained(): Promise<void> {
    return this.running ? this.idle : Promise.resolve();
  }

  private enqueue<T>(write: Pick<QueuedWrite, 'body' | 'combiner' | 'input'>, bytes: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ ...write, bytes, resolve: resolve as (value: unknown) => void, reject });
      if (!this.running) this.start();
    });
  }

  private start(): void {
    this.running = true;
    this.idle = new Promise((resolve) => {
      this.markIdle = resolve;
    });
    // Wait one turn of the event loop, so that a burst of writes from the same tick shares the first commit.
    setImmediate(() => void this.drain());
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      await this.commitBatch(this.takeBatch());
      // Let writes that arrived during the commit (I/O callbacks) join the next batch.
      if (this.queue.length > 0) await new Promise((resolve) => setImmediate(resolve));
    }
    this.running = false;
    this.markIdle();
  }

  private takeBatch(): QueuedWrite[] {
    const { maxWrites, maxBytes } = this.options.bounds;
    let bytes = 0;
    let count = 0;
    while (count < this.queue.length && count < maxWrites) {
      const next = this.queue[count]!;
      if (count > 0 && bytes + next.bytes > maxBytes) break;
      bytes += next.bytes;
      count++;
    }
    return this.queue.splice(0, count);
  }

  /**
   * Commits a batch, retrying transient failures. A failed batch of several writes is split in halves that
   * are committed one after the other (after a backoff delay, without spending a retry): a fault that hits
   * one call of a large transaction then costs less and less to get past. A single write spends one retry per
   * attempt. A COMMIT that may have succeeded remotely is never retried.
   */
  private async commitBatch(batch: QueuedWrite[], attempt = 0): Promise<void> {
    let outcomes: Outcome[];
    try {
      outcomes = await this.runBatch(batch);
    } catch (failure) {
      const committing = failure instanceof CommitFailed;
      const error = committing ? failure.cause : failure;
      const retryable =
        isTransientError(error) &&
        (batch.length > 1 || attempt < this.options.retry.maxRetries) &&
        !(committing && this.options.commitMayBeAmbiguous);
      if (!retryable) {
        for (const write of batch) write.reject(error);
        return;
      }
      this.counters.retries++;
      await this.options.beforeRetry?.(error);
      const delay = backoffDelayMs(this.options.retry, attempt);
      if (delay > 0) await sleep(delay);
      if (batch.length === 1) return this.commitBatch(batch, attempt + 1);
      const middle = Math.ceil(batch.length / 2);
      await this.commitBatch(batch.slice(0, middle), attempt);
      await this.commitBatch(batch.slice(middle), attempt);
      return;
    }
    batch.forEach((write, index) => {
      const outcome = outcomes[index]!;
      if (outcome.ok) write.resolve(outcome.value);
      else write.reject(outcome.error);
    });
  }

  /** One attempt: every write of the batch in one transaction. Throws only what fails the whole batch. */
  private runBatch(batch: readonly QueuedWrite[]): Promise<Outcome[]> {
    return this.scope(async (transaction) => {
      const runner = transactionRunner(transaction);
      const groups = groupWrites(batch);
      // A lone group needs no savepoint: if it fails, the whole transaction rolls back.
      const isolate = groups.length > 1;
      const outcomes: Outcome[] = [];
      for (const group of groups)
        outcomes.push(...(await this.runGroup(group, transaction, runner, isolate)));
      const committed = outcomes.filter((outcome) => outcome.ok).length;
      if (committed === 0) {
        await transaction.rollback();
      } else {
        try {
          await transaction.commit();
        } catch (error) {
          throw new CommitFailed(error);
        }
        this.counters.transactions++;
        this.counters.largestBatch = Math.max(this.counters.largestBatch, batch.length);
      }
      this.counters.writes += committed;
      this.counters.failedWrites += outcomes.length - committed;
      return outcomes;
    });
  }

  private async runGroup(
    group: readonly QueuedWrite[],
    transaction: Transaction,
    runner: SqlRunner,
    isolate: boolean,
  ): Promise<Outcome[]> {
    if (isolate) await transaction.execute(`SAVEPOINT ${SAVEPOINT}`);
    try {
      const first = group[0]!;
      const outcomes = first.combiner
        ? await first.combiner.runMany(
            runner,
            group.map((write) => write.input),
          )
        : [{ ok: true as const, value: await first.body!(runner) }];
      if (isolate) await transaction.execute(`RELEASE ${SAVEPOINT}`);
      return outcomes;
    } catch (error) {
      if (isTransientError(error)) throw error;
      if (isolate) {
        await transaction.execute(`ROLLBACK TO ${SAVEPOINT}`);
        await transaction.execute(`RELEASE ${SAVEPOINT}`);
      } else {
        await transaction.rollback();
      }
      return group.map(() => ({ ok: false, error }));
    }
  }
}

/** Consecutive writes of the same combiner form one group; every other write is a group of its own. */
function groupWrites(batch: readonly QueuedWrite[]): QueuedWrite[][] {
  const groups: QueuedWrite[][] = [];
  for (const write of batch) {
    const last = groups[groups.length - 1];
    if (write.combiner && last && last[0]!.combiner === write.combiner) last.push(write);
    else groups.push([write]);
  }
  return groups;
}
