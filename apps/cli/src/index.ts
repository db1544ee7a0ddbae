/** `@slm/cli`: the `memory-cli` binary; the program is exported for tests and embedding. */
export type { CliContext } from './cli-context.js';
export type { CliIO } from './cli-io.js';
export { EXIT, exitCodeOf } from './exit-codes.js';
export { createProgram } from './program.js';
export { runCli } from './run-cli.js';
export type { StatusReport } from './status/status-report.js';
