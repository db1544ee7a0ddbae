import { MemoryError } from '@slm/memory-core';
import { CommanderError } from 'commander';
import { InterruptedError } from './interruption.js';

/**
 * The exit codes scripts can rely on (docs/operations.md): 0 done; 1 the work failed (store unreachable,
 * import lines rejected, cache down, not found); 2 the command line or configuration is wrong (nothing was
 * done; every problem is listed); 130 stopped by Ctrl-C at a safe point.
 */
export const EXIT = { ok: 0, failure: 1, usage: 2, interrupted: 130 } as const;

const USAGE_CODES = new Set(['CONFIG_INVALID', 'VALIDATION_FAILED']);
const HELP_CODES = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version']);

export function exitCodeOf(error: unknown): number {
  if (error instanceof InterruptedError) return EXIT.interrupted;
  if (error instanceof CommanderError) return HELP_CODES.has(error.code) ? EXIT.ok : EXIT.usage;
  if (error instanceof MemoryError && USAGE_CODES.has(error.code)) return EXIT.usage;
  return EXIT.failure;
}
