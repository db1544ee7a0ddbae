import { Command } from 'commander';
import type { CliContext } from './cli-context.js';
import { registerBenchCommand } from './commands/bench.js';
import { registerCacheCommand } from './commands/cache.js';
import { registerEpisodesCommand } from './commands/episodes.js';
import { registerEvalCommand } from './commands/eval.js';
import { registerExportCommand } from './commands/export.js';
import { registerImportCommand } from './commands/import.js';
import { registerMigrateCommand } from './commands/migrate.js';
import { registerPatternsCommand } from './commands/patterns.js';
import { registerReindexCommand } from './commands/reindex.js';
import { registerStatusCommand } from './commands/status.js';
import { registerSyncCommand } from './commands/sync.js';
import { addGlobalOptions } from './config/global-options.js';
import { CLI_VERSION } from './version.js';

/**
 * The `memory-cli` command tree. Parsing errors throw (exitOverride) instead of exiting, so `runCli` maps them
 * to exit code 2; help and output go through the injected streams.
 */
export function createProgram(context: CliContext): Command {
  const program = new Command('memory-cli')
    .description(
      'Operate the self-learning memory: migrate, status, backup and restore, cache, reindex, eval, bench.',
    )
    .version(CLI_VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => context.io.stdout.write(text),
      writeErr: (text) => context.io.stderr.write(text),
    })
    .showHelpAfterError('(memory-cli help <command> shows its usage)')
    .addHelpText(
      'after',
      '\nConfiguration as memory-service: flags > environment > --config FILE > defaults (docs/configuration.md).\n' +
        'Exit codes: 0 ok, 1 failure, 2 usage or configuration error, 130 interrupted (docs/operations.md).\n',
    );
  addGlobalOptions(program);
  for (const register of [
    registerMigrateCommand,
    registerStatusCommand,
    registerExportCommand,
    registerImportCommand,
    registerSyncCommand,
    registerCacheCommand,
    registerReindexCommand,
    registerEpisodesCommand,
    registerPatternsCommand,
    registerEvalCommand,
    registerBenchCommand,
  ]) {
    register(program, context);
  }
  return program;
}
