import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built binary: the tests run what users run (turbo builds before testing). */
export const CLI_MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Variables for the process; nothing is inherited but PATH and HOME, so the developer's environment never leaks in. */
  env?: Record<string, string | undefined>;
  cwd?: string;
}

function requireBuild(): void {
  if (!existsSync(CLI_MAIN)) {
    throw new Error(`${CLI_MAIN} is missing: build the CLI first (pnpm --filter @slm/cli build)`);
  }
}

/** Starts `memory-cli` with `args`; the caller may signal it before awaiting `done`. */
export function startCli(
  args: readonly string[],
  options: CliOptions = {},
): { child: ChildProcess; done: Promise<CliRun> } {
  requireBuild();
  const env = { PATH: process.env['PATH'], HOME: process.env['HOME'], ...options.env };
  const child = spawn(process.execPath, [CLI_MAIN, ...args], {
    cwd: options.cwd ?? process.cwd(),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const done = new Promise<CliRun>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  return startCli(args, options).done;
}

/** Runs with `--json` and parses stdout, which must be exactly one JSON document. */
export async function runCliJson<T = Record<string, unknown>>(
  args: readonly string[],
  options: CliOptions = {},
): Promise<CliRun & { json: T }> {
  const run = await runCli([...args, '--json'], options);
  let json: T;
  try {
    json = JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(
      `stdout is not one JSON document (exit ${run.code}, signal ${run.signal}):\n${run.stdout}\nstderr:\n${run.stderr}`,
    );
  }
  return { ...run, json };
}
