import { fork } from 'node:child_process';

/** RSS in MB, after a full GC when the process runs with `--expose-gc` (garbage is not memory in use). */
export function residentMegabytes(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss / 1_048_576;
}

const PROBE_TIMEOUT_MS = 120_000;

/**
 * Opens the database file in a new process (what a restarted service does), answers retrievals there and
 * returns that process's RSS: the memory cost of the stored episodes, without what filling them left behind.
 */
export function probeFreshProcess(file: string): Promise<{ rssMegabytes: number; retrievals: number }> {
  return new Promise((resolve, reject) => {
    // `fork` inherits this process's execArgv: the tsx loader and the `source` condition.
    const child = fork(new URL('./resident-probe.ts', import.meta.url), [file], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      timeout: PROBE_TIMEOUT_MS,
    });
    child.once('message', (message) => resolve(message as { rssMegabytes: number; retrievals: number }));
    child.once('error', reject);
    // After a message this is a no-op; without one the probe failed.
    child.once('exit', (code) => reject(new Error(`the resident-memory probe exited with ${code}`)));
  });
}
