/** Where a command writes, and what it reads from its process: injected so parsing can be tested in-process. */
export interface CliIO {
  /** Results: a human rendering, or exactly one JSON document with `--json`. */
  stdout: { write(text: string): unknown };
  /** Logs, errors and progress bars (the bars only when this is a terminal). */
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  env: Readonly<Record<string, string | undefined>>;
}

export function processIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}
