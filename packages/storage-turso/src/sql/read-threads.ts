import { Worker } from 'node:worker_threads';
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

/** A request waiting for, or running on, a read thread. */
interface Job {
  message: object;
  answer(answer: Answer): void;
  /** Runs the request on the main thread's reader instead (no thread can take it, or its thread ended). */
  fallback(): void;
}

/** Where reads ran (a read is one read operation of the store, of one or more statements). */
export interface ReadStatistics {
  threads: 'waiting' | 'running' | 'off';
  /** Reads that ran on a read thread. */
  onThreads: number;
  /** Reads that ran on the main thread because no thread was ready (or threads are off). */
  onMainThread: number;
  /** Reads of records by key, always on the main thread (cheaper there than a thread's round trip). */
  lookups: number;
}

/**
 * Worker threads that run the reads of a file database, each on its own connection. libSQL runs a local
 * statement synchronously on the calling thread, so on the main thread every search blocked the event loop
 * (other requests, timers, health checks) and the reads of one retrieval ran one after another; on threads,
 * they run beside each other and beside the JavaScript that ranks. WAL gives each read a consistent snapshot
 * that includes every acknowledged write.
 *
 * Statements wait in one queue, in arrival order, and a thread takes the next one when it is idle: a thread
 * holds one statement at a time, so a short read never waits behind a long search on one thread while the
 * other is free (with a queue per thread, a retrieval's tail was such waits).
 *
 * Threads start once the store has served `startAfterReads` reads (stores that barely read never pay for
 * them); until they are ready, and if they fail, reads run on the main thread's reader. A thread holds the
 * process open only while it has work, and `stop` lets the threads finish the queue and close by themselves.
 */
export class ReadThreads {
  private readonly lanes: ReadLane[] = [];
  private readonly queue: Job[] = [];
  private onThreads = 0;
  private onMainThread = 0;
  private stopped = false;
  /** While `stop` waits for the queue to empty: resolved by `dispatch` once it has. */
  private draining: Promise<void> | undefined;
  private drained: (() => void) | undefined;
  /** What read bodies run through while threads are ready: statements join the queue. */
  private readonly queued: SqlRunner = {
    execute: (statement) =>
      this.enqueue(
        { op: 'execute', statement },
        (answer) => resultSetOf((answer as { result: ThreadResult }).result),
        () => this.fallback.execute(statement),
      ),
    batch: (statements) =>
      this.enqueue(
        { op: 'batch', statements },
        (answer) => (answer as { results: ThreadResult[] }).results.map(resultSetOf),
        () => this.fallback.batch(statements),
      ),
  };

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

  /** The runner for one read body: the threads' queue once a thread is ready, else the main thread's reader. */
  runner(): SqlRunner {
    if (this.lanes.length === 0 && !this.stopped && this.onMainThread >= this.config.startAfterReads) {
      this.start();
    }
    if (!this.stopped && this.lanes.some((lane) => lane.ready)) {
      this.onThreads++;
      return this.queued;
    }
    this.onMainThread++;
    return this.fallback;
  }

  statistics(): Omit<ReadStatistics, 'lookups'> {
    return { threads: this.state, onThreads: this.onThreads, onMainThread: this.onMainThread };
  }

  /** Lets the threads answer everything queued, close their connections and end; idempotent. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.queue.length > 0 || this.lanes.some((lane) => lane.busy)) {
      this.draining ??= new Promise<void>((resolve) => {
        this.drained = resolve;
      });
      await this.draining;
    }
    await Promise.all(this.lanes.splice(0).map((lane) => lane.stop()));
  }

  private enqueue<T>(
    message: object,
    read: (answer: Answer) => T,
    onMainThread: () => Promise<T>,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        message,
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
      this.dispatch();
    });
  }

  /** Hands queued statements to idle threads; with no thread left to take them, runs them on the main thread. */
  private dispatch(): void {
    for (const lane of this.lanes) {
      if (this.queue.length === 0) break;
      if (lane.ready && !lane.busy) lane.take(this.queue.shift()!);
    }
    if (this.queue.length > 0 && !this.lanes.some((lane) => lane.ready)) {
      for (const job of this.queue.splice(0)) job.fallback();
    }
    if (this.drained && this.queue.length === 0 && !this.lanes.some((lane) => lane.busy)) {
      this.drained();
      this.drained = undefined;
    }
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
          () => this.dispatch(),
        ),
      );
    }
  }
}

/** One read thread: it runs one job at a time and asks for the next when it is idle (or gone). */
class ReadLane {
  ready = false;
  /** The job the thread is running. */
  busy: Job | undefined;
  private readonly worker: Worker;
  private nextId = 0;
  /** The thread has exited (stopped, failed to start, or died). */
  ended = false;
  private readonly exit: Promise<void>;
  private readonly gate = new ExitGate();

  constructor(
    workerData: { libsqlPath: string; file: string; busyTimeoutMs: number; cacheKib: number },
    private readonly idle: () => void,
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
      if ('ready' in message) {
        this.ready = true;
        this.idle();
      } else if ('id' in message) this.settle(message);
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

  /**
   * Sends a job to the thread. While it runs, the thread keeps the process alive: a caller awaiting a read
   * must not see the process exit under it.
   */
  take(job: Job): void {
    this.busy = job;
    this.worker.ref();
    this.worker.postMessage({ id: this.nextId++, ...job.message });
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

  private settle(answer: Answer): void {
    const job = this.busy;
    if (!job || answer.id !== this.nextId - 1) return;
    this.busy = undefined;
    this.worker.unref();
    job.answer(answer);
    this.idle();
  }

  private retire(): void {
    this.ready = false;
    const owed = this.busy;
    this.busy = undefined;
    owed?.fallback();
    this.idle();
  }
}
