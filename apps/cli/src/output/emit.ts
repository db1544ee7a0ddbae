import type { CliIO } from '../cli-io.js';

/**
 * Prints a command's result: exactly one JSON document on stdout with `--json` (for scripts), the human
 * rendering otherwise.
 */
export function emit(io: CliIO, json: boolean, document: unknown, human: () => string): void {
  io.stdout.write(json ? `${JSON.stringify(document, null, 2)}\n` : human());
}
