import { Worker } from 'node:worker_threads';
import type { InStatement, ResultSet } from '@libsql/client';
import type { ReadThreadConfig } from '../config.js';
import { ExitGate, holdExitFor, releaseExitFor } from './exit-gate.js';
import { libsqlModulePath } from './libsql-module.js';
import { READ_THREAD_SOURCE } from './read-thread-source.js';
import type { SqlRunner } from './runner.js';
import { errorOf, resultSetOf, type ThreadFailure, type ThreadResult } from './thread-results.js';

/** How long `stop` waits for a thread to answer what it was asked and close its connection. */
const STOP_TIMEOUT_MS = 10_000;

type Answer =
  | { id: number; result: ThreadResult }
  | { id: number; results: ThreadResult[] }
  | { id: number; error: ThreadFailure };

interface Pending {
  answer(answer: Answer): void;
  /** Runs the request on the main thread's reader instead (the thread ended before answering). */
  fallback(): void;
}

/** Where reads ran (a read is one read operation of the store, of one or more statements). */
export interface ReadStatistics {
  threads: 'waiting' | 'running' | 'off';
  /** Reads that ran on a read thread. */
  onThreads: number;
  /** Reads that ran on the main thread because no thread was ready (or threads are off). */
  onMainThread: number;
  /** Reads of one record by key, always on the main thread (cheaper there than a thread's round trip). */
  lookups: number;
}

/**
 * Worker threads that run the reads of a file database, each on its own connection. libSQL runs a local
 * statement synchronously on the calling thread, so on the main thread every search blocked the event loop
 * (other requests, timers, health checks) and the reads of one retrieval ran one after another; on threads,
 * they run beside each other and beside the JavaScript that ranks. WAL gives each read a consistent snapshot
 * that includes every acknowledged write.
 *
 * Threads start once the store has served `startAfterReads` reads (stores that barely read never pay for
 * them); until they are ready, and if they fail, reads run on the main thread's reader. A read body keeps
 * one thread for all its statements; bodies go to the thread with the fewest in flight. A thread holds the
 * process open only while it has work, and `stop` lets each thread finish its queue and close by itself.
 */
export class ReadThreads {
  private readonly lanes: ReadLane[] = [];
  private onThreads = 0;
  private onMainThread = 0;
  private stopped = false;

  constructor(
    private readonly file: string,
    private readonly busyTimeoutMs: number,
    private readonly config: ReadThreadConfig,
    private readonly fallback: SqlRunner,
  ) {
    if (config.startAfterReads === 0) this.start();
  }

  /** `waiting` for enough reads, `running` (at least one thread ready), or `off`. */
  get state(): 'waiting' | 'running' | 'off' {
    if (this.lanes.some((lane) => lane.ready)) return 'running';
    const ended = this.lanes.length > 0 && this.lanes.every((lane) => lane.ended);
    return this.stopped || this.config.threads === 0 || ended ? 'off' : 'waiting';
  }

  /** The runner for one read body: a ready thread's, or the main thread's reader. */
  runner(): SqlRunner {
    if (this.lanes.length === 0 && !this.stopped && this.onMainThread >= this.config.startAfterReads) {
      this.start();
    }
    let best: ReadLane | undefined;
    for (const lane of this.lanes) {
      if (lane.ready && (best === undefined || lane.inFlight < best.inFlight)) best = lane;
    }
    if (best) this.onThreads++;
    else this.onMainThread++;
    return best ?? this.fallback;
  }

  statistics(): Omit<ReadStatistics, 'lookups'> {
    return { threads: this.state, onThreads: this.onThreads, onMainThread: this.onMainThread };
  }

  /** Lets every thread answer what it was asked, close its connection and end; idempotent. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.lanes.splice(0).map((lane) => lane.stop()));
  }

  private start(): void {
    if (this.config.threads === 0 || this.lanes.length > 0) return;
    const libsqlPath = libsqlModulePath();
    if (!libsqlPath) {
      this.stopped = true;
      return;
    }
    for (let index = 0; index < this.config.threads; index++) {
      this.lanes.push(
        new ReadLane(
          {
            libsqlPath,
            file: this.file,
            busyTimeoutMs: this.busyTimeoutMs,
            cacheKib: this.config.cacheKib,
          },
          this.fallback,
        ),
      );
    }
  }
}

/** One read thread: requests go out with an id, answers come back in order. */
class ReadLane implements SqlRunner {
  ready = false;
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  /** The thread has exited (stopped, failed to start, or died). */
  ended = false;
  private readonly exit: Promise<void>;
  private readonly gate = new ExitGate();

  constructor(
    workerData: { libsqlPath: string; file: string; busyTimeoutMs: number; cacheKib: number },
    private readonly fallback: SqlRunner,
  ) {
    holdExitFor(this.gate);
    this.worker = new Worker(READ_THREAD_SOURCE, {
      eval: true,
      workerData: { ...workerData, gate: this.gate.buffer },
      // Small young generation: a thread allocates only rows in flight (saves resident memory per thread).
      resourceLimits: { maxYoungGenerationSizeMb: 4 },
    });
    this.worker.unref();
    this.worker.on('message', (message: Answer | { ready: true } | { failed: string }) => {
      if ('ready' in message) this.ready = true;
      else if ('id' in message) this.settle(message);
    });
    // A thread that fails or ends hands what it still owed to the main thread's reader.
    this.worker.on('error', () => this.retire());
    this.exit = new Promise((resolve) =>
      this.worker.once('exit', () => {
        this.ended = true;
        releaseExitFor(this.gate);
        this.retire();
        resolve();
      }),
    );
  }

  get inFlight(): number {
    return this.pending.size;
  }

  execute(statement: InStatement): Promise<ResultSet> {
    return this.send(
      { op: 'execute', statement },
      (answer) => resultSetOf((answer as { result: ThreadResult }).result),
      () => this.fallback.execute(statement),
    );
  }

  batch(statements: InStatement[]): Promise<ResultSet[]> {
    return this.send(
      { op: 'batch', statements },
      (answer) => (answer as { results: ThreadResult[] }).results.map(resultSetOf),
      () => this.fallback.batch(statements),
    );
  }

  async stop(): Promise<void> {
    this.ready = false;
    if (this.ended) return;
    this.worker.ref();
    this.worker.postMessage({ op: 'stop' });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), STOP_TIMEOUT_MS);
    });
    // Terminating is the last resort for a thread stuck for seconds: it is only safe outside a libsql call.
    if (await Promise.race([this.exit.then(() => false), timedOut])) await this.worker.terminate();
    clearTimeout(timer);
  }

  /**
   * Sends a request, or runs it on the main thread if this thread is gone. While requests are in flight the
   * thread keeps the process alive: a caller awaiting a read must not see the process exit under it.
   */
  private send<T>(message: object, read: (answer: Answer) => T, onMainThread: () => Promise<T>): Promise<T> {
    if (!this.ready) return onMainThread();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, {
        answer: (answer) => {
          try {
            if ('error' in answer) reject(errorOf(answer.error));
            else resolve(read(answer));
          } catch (error) {
            reject(error);
          }
        },
        fallback: () => onMainThread().then(resolve, reject),
      });
      this.worker.postMessage({ id, ...message });
    });
  }

  private settle(answer: Answer): void {
    const pending = this.pending.get(answer.id);
    if (!pending) return;
    this.pending.delete(answer.id);
    if (this.pending.size === 0) this.worker.unref();
    pending.answer(answer);
  }

  private retire(): void {
    this.ready = false;
    const owed = [...this.pending.values()];
    this.pending.clear();
    for (const pending of owed) pending.fallback();
  }
}
