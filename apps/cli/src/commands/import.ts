import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXPORT_FORMAT_VERSION } from '@slm/memory-core';
import { importFromFile } from '@slm/memory-runtime';
import type { Command } from 'commander';
import { interruptibleTarget } from '../backup/interruptible-target.js';
import { readBackupHeader } from '../backup/read-header.js';
import { renderImportSummary } from '../backup/render-import.js';
import type { CliContext } from '../cli-context.js';
import { EXIT } from '../exit-codes.js';
import { InterruptedError, watchInterrupts } from '../interruption.js';
import { emit } from '../output/emit.js';
import { formatCounts } from '../output/format.js';
import { createProgress } from '../output/progress-bar.js';
import { withStore } from '../store/with-store.js';

/**
 * `memory-cli import FILE`: restores a JSONL backup (gzip for `.gz`) into the records' own namespaces. Every
 * line is validated; bad lines are reported with their line numbers and skipped, the rest is imported (exit 1
 * when any line was rejected). Idempotent: importing the same file again changes nothing. Ctrl-C stops between
 * two batches of 500 records.
 */
export function registerImportCommand(program: Command, context: CliContext): void {
  program
    .command('import')
    .description('restore a JSONL backup (idempotent; bad lines reported by number, the rest imported)')
    .argument('<file>', 'backup file (.jsonl or .jsonl.gz)')
    .action((file: string, _options: unknown, command: Command) => {
      const path = resolve(file);
      if (!existsSync(path)) throw new Error(`cannot read ${path}: no such file`);
      return withStore(context.io, command, async ({ store, json }) => {
        const header = await readBackupHeader(path);
        if (header && header.formatVersion > EXPORT_FORMAT_VERSION) {
          throw new Error(
            `${path} has export format ${header.formatVersion}, newer than this memory-cli reads (${EXPORT_FORMAT_VERSION}): import it with a newer memory-cli`,
          );
        }
        const total = header
          ? Object.values(header.counts).reduce((sum, count) => sum + count, 1)
          : undefined;
        const progress = createProgress(context.io, 'import', 'lines', total);
        const interrupts = watchInterrupts(context.io.stderr, 'after the current batch of 500 records');
        const { target, imported, stopped } = interruptibleTarget(store.memory, interrupts.signal);
        const started = performance.now();
        try {
          const outcome = await Promise.race([
            importFromFile(target, path, (line) => progress.update(line)),
            stopped.then(() => null),
          ]);
          progress.finish();
          if (outcome === null) {
            throw new InterruptedError(
              `import interrupted between batches: ${formatCounts(imported)} imported; run the same import again to finish (it is idempotent)`,
            );
          }
          const summary = {
            file: path,
            lines: outcome.lines,
            imported: outcome.imported,
            rejected: outcome.errors.length,
            errors: outcome.errors,
            durationMs: Math.round(performance.now() - started),
          };
          emit(context.io, json, summary, () => renderImportSummary(summary));
          if (summary.rejected > 0) context.exitCode = EXIT.failure;
        } finally {
          progress.finish();
          interrupts.dispose();
        }
      });
    });
}
