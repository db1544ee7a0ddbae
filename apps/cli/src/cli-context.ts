import type { CliIO } from './cli-io.js';

/** Shared by the commands of one run. */
export interface CliContext {
  io: CliIO;
  /**
   * Set by a command that ran to the end but must report failure (status with the store down, an import
   * with rejected lines); thrown errors are mapped by `exitCodeOf` instead.
   */
  exitCode: number;
}
