import { MemoryError } from '@slm/memory-core';
import { CommanderError } from 'commander';
import type { CliContext } from './cli-context.js';
import type { CliIO } from './cli-io.js';
import { describeError } from './describe-error.js';
import { EXIT, exitCodeOf } from './exit-codes.js';
import { createProgram } from './program.js';

/**
 * Runs one command line (without `node` and the script) and returns the exit code. Failures are reported on
 * stderr — and, with `--json`, as `{ "error": { code, message, details } }` on stdout.
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const context: CliContext = { io, exitCode: EXIT.ok };
  const program = createProgram(context);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return context.exitCode;
  } catch (error) {
    const code = exitCodeOf(error);
    // Commander has printed its own message (or the help) already.
    if (error instanceof CommanderError) return code;
    const message = describeError(error);
    io.stderr.write(`memory-cli: ${message}\n`);
    if (argv.includes('--json')) {
      const failure = {
        code:
          error instanceof MemoryError ? error.code : code === EXIT.interrupted ? 'INTERRUPTED' : 'FAILED',
        message,
        ...(error instanceof MemoryError && error.details ? { details: error.details } : {}),
      };
      io.stdout.write(`${JSON.stringify({ error: failure }, null, 2)}\n`);
    }
    return code;
  }
}
