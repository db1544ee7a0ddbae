/**
 * Keeps a process from exiting while one of its worker threads is inside a libsql call: libsql aborts the
 * process (a panic in its Node bindings) when a thread is torn down in the middle of one, which
 * `process.exit()` or an uncaught exception would otherwise do to a thread running a statement.
 *
 * Each thread shares a gate with the main thread: slot 0 is 1 while the thread is inside a call, slot 1 is
 * 1 once the process is exiting. A thread marks itself busy before it checks for exit and clear after; the
 * main thread's `exit` handler marks exit first, then waits (Atomics.wait, bounded) until no thread is busy.
 * With sequentially consistent atomics, either the thread sees the exit and skips the call, or the handler
 * sees it busy and waits for it.
 */
export class ExitGate {
  readonly buffer = new SharedArrayBuffer(8);
  private readonly slots = new Int32Array(this.buffer);

  /** Called from the `exit` handler: no new calls, and wait up to `deadline` (epoch ms) for the running one. */
  holdUntilIdle(deadline: number): void {
    Atomics.store(this.slots, 1, 1);
    while (Atomics.load(this.slots, 0) === 1) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) return;
      Atomics.wait(this.slots, 0, 1, remaining);
    }
  }
}

/** The thread side, for the CommonJS a worker evaluates: `guarded(fn)` runs `fn` unless the process is exiting. */
export const EXIT_GATE_SOURCE = `
const gate = new Int32Array(workerData.gate);
function guarded(fn) {
  Atomics.store(gate, 0, 1);
  try {
    if (Atomics.load(gate, 1) === 1) throw new Error('the process is exiting');
    return fn();
  } finally {
    Atomics.store(gate, 0, 0);
    Atomics.notify(gate, 0);
  }
}
`;

/** How long the `exit` handler waits for running calls: longer than any statement the store issues. */
const EXIT_WAIT_MS = 2_000;
const open = new Set<ExitGate>();
let listening = false;

/** Holds the process's exit for `gate`'s thread until `release`. One `exit` listener serves every gate. */
export function holdExitFor(gate: ExitGate): void {
  open.add(gate);
  if (listening) return;
  listening = true;
  process.on('exit', () => {
    const deadline = Date.now() + EXIT_WAIT_MS;
    for (const held of open) held.holdUntilIdle(deadline);
  });
}

export function releaseExitFor(gate: ExitGate): void {
  open.delete(gate);
}
