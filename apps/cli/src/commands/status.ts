import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { EXIT } from '../exit-codes.js';
import { emit } from '../output/emit.js';
import { collectStatus } from '../status/collect-status.js';
import { renderStatus } from '../status/render-status.js';
import { commandSetup } from '../store/with-store.js';

/**
 * `memory-cli status`: versions, schema, database size, counts, cache statistics and the health of each
 * component with its latency. Exit 1 when the store is unreachable (or absent), 0 otherwise (also degraded).
 */
export function registerStatusCommand(program: Command, context: CliContext): void {
  program
    .command('status')
    .description('versions, schema, size, counts, cache and health of each component (exit 1: store down)')
    .action(async (_options: unknown, command: Command) => {
      const { config, logger, json } = commandSetup(context.io, command);
      const report = await collectStatus(config, logger);
      emit(context.io, json, report, () => renderStatus(report));
      if (report.status === 'down') context.exitCode = EXIT.failure;
    });
}
