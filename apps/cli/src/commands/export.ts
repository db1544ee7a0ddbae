import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ExportRecord } from '@slm/memory-core';
import { type ExportFileOptions, exportToFile } from '@slm/memory-runtime';
import { type Command, InvalidArgumentError } from 'commander';
import type { CliContext } from '../cli-context.js';
import { InterruptedError, watchInterrupts } from '../interruption.js';
import { emit } from '../output/emit.js';
import { formatBytes, formatCounts, formatDuration } from '../output/format.js';
import { createProgress } from '../output/progress-bar.js';
import { parseSince } from '../parse/since.js';
import { withStore } from '../store/with-store.js';

interface ExportOptions {
  out?: string;
  allNamespaces?: boolean;
  since?: string;
}

/**
 * `memory-cli export [--out FILE] [--all-namespaces] [--since WHEN]`: a JSONL backup (gzip for `.gz`) of the
 * namespace (or all of them), read from the durable store. The file appears only when complete and an existing
 * file is never overwritten; Ctrl-C stops between records and leaves no file behind.
 */
export function registerExportCommand(program: Command, context: CliContext): void {
  program
    .command('export')
    .description('write a JSONL backup (.jsonl or .jsonl.gz) of the namespace, or of all namespaces')
    .option(
      '--out <file>',
      'backup file, .jsonl or .jsonl.gz (default: memory-<namespace>-<time>.jsonl.gz)',
      backupPath,
    )
    .option('--all-namespaces', 'every namespace (a full backup), not only --namespace')
    .option(
      '--since <when>',
      'only records from then on: 2025-01-31, an ISO date-time, or an age (30d, 12h)',
      (text) => parseSince(text),
    )
    .action((options: ExportOptions, command: Command) =>
      withStore(context.io, command, async ({ config, store, json }) => {
        const namespace = options.allNamespaces ? null : config.memory.namespace;
        const path = resolve(options.out ?? defaultBackupName(namespace));
        if (existsSync(path))
          throw new Error(`${path} exists: exports never overwrite a file; choose another --out`);
        const selection: ExportFileOptions = {
          namespace,
          ...(options.since ? { since: options.since } : {}),
        };
        const counts = await store.durable.countRecords(selection);
        const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
        const progress = createProgress(context.io, 'export', 'records', total);
        const interrupts = watchInterrupts(context.io.stderr, 'after the current record; no file is written');
        const started = performance.now();
        let done = 0;
        try {
          const result = await exportToFile(
            {
              countRecords: async () => counts,
              async *exportRecords(chosen): AsyncIterable<ExportRecord> {
                for await (const record of store.durable.exportRecords(chosen)) {
                  interrupts.throwIfInterrupted();
                  yield record;
                  progress.update(++done);
                }
              },
            },
            path,
            selection,
          );
          progress.finish();
          const summary = {
            path: result.path,
            namespace,
            since: options.since ?? null,
            records: result.counts,
            lines: result.lines,
            bytes: statSync(path).size,
            durationMs: Math.round(performance.now() - started),
          };
          emit(
            context.io,
            json,
            summary,
            () =>
              `exported ${formatCounts(summary.records)} to ${summary.path} (${formatBytes(summary.bytes)}) in ${formatDuration(summary.durationMs)}\n`,
          );
        } catch (error) {
          progress.finish();
          if (error instanceof InterruptedError) {
            throw new InterruptedError(
              `export interrupted after ${done} of ${total} records: nothing was written`,
            );
          }
          throw error;
        } finally {
          interrupts.dispose();
        }
      }),
    );
}

/** `--out` must name a JSONL file: the format is chosen by the name (gzip for `.gz`). */
function backupPath(text: string): string {
  if (!/\.jsonl(\.gz)?$/.test(text)) {
    throw new InvalidArgumentError(`the backup file must end in .jsonl or .jsonl.gz, got "${text}"`);
  }
  return text;
}

function defaultBackupName(namespace: string | null): string {
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `memory-${namespace ?? 'all'}-${stamp}.jsonl.gz`;
}
