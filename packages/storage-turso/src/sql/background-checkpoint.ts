import { Worker } from 'node:worker_threads';
import { EXIT_GATE_SOURCE, ExitGate, holdExitFor, releaseExitFor } from './exit-gate.js';
import { libsqlModulePath } from './libsql-module.js';

/** Write transactions before the checkpointer starts: stores that barely write never pay for a thread. */
const START_AFTER_COMMITS = 100;
/** How often the background thread checkpoints. */
const INTERVAL_MS = 250;
/**
 * The writer's own automatic checkpoint threshold while the thread runs, in pages (~40 MiB of WAL). Under
 * continuous writes the thread never finishes the whole WAL before the next commit, so this is what lets the
 * WAL start over from its beginning (the thread has copied most of it by then). SQLite's default (1,000 pages)
 * applies otherwise.
 */
export const BACKSTOP_AUTOCHECKPOINT_PAGES = 10_000;
export const DEFAULT_AUTOCHECKPOINT_PAGES = 1_000;

/** How long `stop` waits for the thread to finish its checkpoint and close its connection. */
const STOP_TIMEOUT_MS = 10_000;

// Plain CommonJS evaluated in the worker, so that it runs the same from source and from the build. It always
// ends by itself (closing its connection first): terminating a thread inside a libsql call aborts the process,
// and every libsql call goes through the exit gate, so the process does not exit in the middle of one.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
${EXIT_GATE_SOURCE}
const Database = require(workerData.libsqlPath);
const [db, checkpoint] = guarded(() => {
  const opened = new Database(workerData.file, { timeout: workerData.busyTimeoutMs });
  return [opened, opened.prepare('PRAGMA wal_checkpoint(PASSIVE)')];
});
function finish(message) {
  clearInterval(timer);
  try { guarded(() => db.close()); } catch {}
  if (message) parentPort.postMessage(message);
  parentPort.close();
}
const timer = setInterval(() => {
  try {
    guarded(() => checkpoint.raw().all());
  } catch (error) {
    // Another connection checkpointing at the same moment is no failure: the next tick tries again.
    if (!error || error.code !== 'SQLITE_BUSY') finish({ failed: String((error && error.message) || error) });
  }
}, workerData.intervalMs);
parentPort.on('message', () => finish());
`;

/**
 * Moves WAL checkpoints of a file database off the write path. With SQLite's automatic checkpoint, the commit
 * that crosses 1,000 WAL pages copies them into the database file itself, and on a busy store one completion in
 * ten paid ~13 ms for it (the p95 of completion). Once the store has committed `START_AFTER_COMMITS` write
 * transactions, a worker thread with its own connection runs a PASSIVE checkpoint (it never blocks readers
 * or writers) every 250 ms, and the writer's automatic threshold is raised to a backstop. If the thread fails
 * to start or dies, the writer goes back to checkpointing itself. `stop` (the storage's `close`) lets the
 * thread finish on its own; a process that exits without closing the storage waits for a running checkpoint
 * (the exit gate, exit-gate.ts: libsql panics when a thread is torn down inside one of its calls).
 */
export class BackgroundCheckpoint {
  private worker: Worker | undefined;
  private commits = 0;
  private stopped = false;
  private running = false;

  /** `onModeChange` is told when the writer's autocheckpoint threshold must be re-asserted. */
  constructor(
    private readonly file: string,
    private readonly busyTimeoutMs: number,
    private readonly onModeChange: () => void,
    private readonly timing = { startAfterCommits: START_AFTER_COMMITS, intervalMs: INTERVAL_MS },
  ) {}

  /** `waiting` for enough commits, `running` on its thread, or `off` (stopped, failed or unavailable). */
  get state(): 'waiting' | 'running' | 'off' {
    if (this.running) return 'running';
    return this.stopped ? 'off' : 'waiting';
  }

  /** The writer's automatic checkpoint threshold, in pages, for the current mode. */
  get autocheckpointPages(): number {
    return this.running ? BACKSTOP_AUTOCHECKPOINT_PAGES : DEFAULT_AUTOCHECKPOINT_PAGES;
  }

  /** Counts a committed write transaction; starts the thread once the store has proven busy. */
  noteCommit(): void {
    if (this.worker || this.stopped || ++this.commits < this.timing.startAfterCommits) return;
    const libsqlPath = libsqlModulePath();
    if (!libsqlPath) {
      this.stopped = true;
      return;
    }
    const gate = new ExitGate();
    holdExitFor(gate);
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        gate: gate.buffer,
        libsqlPath,
        file: this.file,
        busyTimeoutMs: this.busyTimeoutMs,
        intervalMs: this.timing.intervalMs,
      },
    });
    worker.unref();
    worker.on('online', () => this.setRunning(true));
    worker.on('error', () => this.fail());
    worker.on('exit', () => {
      releaseExitFor(gate);
      this.fail();
    });
    worker.on('message', () => this.fail());
    this.worker = worker;
  }

  /** Asks the thread to finish (it closes its connection) and waits for it; idempotent. */
  async stop(): Promise<void> {
    this.stopped = true;
    const worker = this.worker;
    this.worker = undefined;
    this.running = false;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage('stop');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), STOP_TIMEOUT_MS);
    });
    // Terminating is the last resort for a thread stuck for seconds: it is only safe outside a libsql call.
    if (await Promise.race([exited.then(() => false), timedOut])) await worker.terminate();
    clearTimeout(timer);
  }

  private fail(): void {
    if (this.stopped) return;
    // One failure ends the experiment for this store: the writer checkpoints itself from now on. The thread
    // has ended or is ending by itself.
    this.stopped = true;
    this.worker = undefined;
    this.setRunning(false);
  }

  private setRunning(running: boolean): void {
    if (this.running === running) return;
    this.running = running;
    this.onModeChange();
  }
}
