import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./writer-process.ts', import.meta.url));
const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface WriterProcess {
  child: ChildProcess;
  /** Every JSON event printed so far. */
  events: Array<Record<string, unknown>>;
  /** Resolves with the first event matching `predicate`. */
  waitFor(predicate: (event: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** Starts `writer-process.ts` in a new Node process that runs the TypeScript sources through tsx. */
export function spawnWriter(options: object): WriterProcess {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', SCRIPT, JSON.stringify(options)],
    {
      cwd: PACKAGE_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const events: Array<Record<string, unknown>> = [];
  const listeners = new Set<() => void>();
  let buffered = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      events.push(JSON.parse(buffered.slice(0, newline)) as Record<string, unknown>);
      buffered = buffered.slice(newline + 1);
      newline = buffered.indexOf('\n');
    }
    for (const listener of listeners) listener();
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>(
    (resolve) =>
      child.once('exit', (code, signal) => {
        for (const listener of listeners) listener();
        resolve({ code, signal, stderr });
      }),
  );
  const waitFor = (predicate: (event: Record<string, unknown>) => boolean) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const check = () => {
        const found = events.find(predicate);
        if (found) {
          listeners.delete(check);
          resolve(found);
        } else if (child.exitCode !== null || child.signalCode !== null) {
          listeners.delete(check);
          reject(
            new Error(`writer exited (${child.exitCode ?? child.signalCode}) before the event:\n${stderr}`),
          );
        }
      };
      listeners.add(check);
      check();
    });
  return { child, events, waitFor, exited };
}
