import { inspectTursoSchema, migrateTursoDatabase } from '@slm/storage-turso';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { emit } from '../output/emit.js';
import { commandSetup } from '../store/with-store.js';

/**
 * `memory-cli migrate [--dry-run]`: applies pending schema migrations (one transaction; a missing database is
 * created), or only lists them. Back up first: docs/operations.md, "Upgrade and rollback".
 */
export function registerMigrateCommand(program: Command, { io }: CliContext): void {
  program
    .command('migrate')
    .description('apply pending schema migrations (--dry-run: list them, change nothing)')
    .option('--dry-run', 'list pending migrations without applying them')
    .action(async (options: { dryRun?: boolean }, command: Command) => {
      const { config, json } = commandSetup(io, command);
      if (options.dryRun) {
        const schema = await inspectTursoSchema(config.database);
        const document = {
          dryRun: true,
          databaseVersion: schema.databaseVersion,
          codeVersion: schema.codeVersion,
          applied: schema.applied,
          pending: schema.pending,
        };
        emit(io, json, document, () =>
          schema.pending.length === 0
            ? `schema version ${schema.databaseVersion} is up to date; nothing to apply\n`
            : `schema version ${schema.databaseVersion}${schema.exists ? '' : ' (no database yet)'}, this memory-cli ${schema.codeVersion}\n` +
              `pending migrations:\n${schema.pending.map((label) => `  ${label}\n`).join('')}` +
              'run `memory-cli migrate` to apply them (back up first)\n',
        );
        return;
      }
      const report = await migrateTursoDatabase({
        url: config.database.url,
        authToken: config.database.authToken,
        syncUrl: config.database.syncUrl,
        syncIntervalSeconds: config.database.syncIntervalSeconds,
        embeddingDimensions: config.embeddings.dimensions,
      });
      emit(io, json, { dryRun: false, ...report }, () =>
        report.applied.length === 0
          ? `schema version ${report.to} is up to date; nothing applied\n`
          : `migrated from schema version ${report.from} to ${report.to}: applied ${report.applied.join(', ')}\n`,
      );
    });
}
