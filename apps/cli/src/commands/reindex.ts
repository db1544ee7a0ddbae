import { MemoryError } from '@slm/memory-core';
import type { RuntimeConfig } from '@slm/memory-runtime';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { globalOptions } from '../config/global-options.js';
import { loadCliConfig } from '../config/load-cli-config.js';
import { InterruptedError, watchInterrupts } from '../interruption.js';
import { emit } from '../output/emit.js';
import { formatCount, formatDuration } from '../output/format.js';
import { createProgress } from '../output/progress-bar.js';
import { withStore } from '../store/with-store.js';

/**
 * `memory-cli reindex`: re-embeds every episode and pattern of every namespace with the configured provider,
 * after MEMORY_EMBEDDINGS / EMBEDDINGS_* changed. The only command that opens a store embedded by another
 * provider; the new provider is recorded only at the end, so an interrupted re-index is simply run again.
 */
export function registerReindexCommand(program: Command, context: CliContext): void {
  program
    .command('reindex')
    .description('re-embed every episode and pattern with the configured embedding provider')
    .action((_options: unknown, command: Command) => {
      refuseWithoutProvider(loadCliConfig(globalOptions(command), context.io.env));
      return withStore(
        context.io,
        command,
        async ({ config, store, json }) => {
          const counts = await store.memory.countRecords({ allNamespaces: true });
          // Upper bound: only recurring patterns are embedded.
          const total = (counts['episode'] ?? 0) + (counts['pattern'] ?? 0);
          const progress = createProgress(context.io, 'reindex', 'records', total);
          const interrupts = watchInterrupts(context.io.stderr, 'after the current chunk of 256 records');
          const started = performance.now();
          let done = 0;
          try {
            const report = await store.memory.reindex((count) => {
              done = count;
              progress.update(count);
              interrupts.throwIfInterrupted();
            });
            progress.finish();
            const document = { ...report, durationMs: Math.round(performance.now() - started) };
            emit(
              context.io,
              json,
              document,
              () =>
                `re-embedded ${formatCount(report.episodes)} episodes and ${formatCount(report.patterns)} patterns with ${report.provider} (${report.dimensions} dimensions, ${config.embeddings.provider}) in ${formatDuration(document.durationMs)}\n`,
            );
          } catch (error) {
            progress.finish();
            if (error instanceof InterruptedError) {
              throw new InterruptedError(
                `reindex interrupted after ${formatCount(done)} records: the store still names the previous provider; run memory-cli reindex again`,
              );
            }
            throw error;
          } finally {
            interrupts.dispose();
          }
        },
        { acceptEmbeddingChange: true },
      );
    });
}

/**
 * Without a provider there is nothing to re-embed, and memory-core's reindex then records nothing either, so
 * the store would stay bound to its old provider: refused rather than reported as done.
 */
function refuseWithoutProvider(config: RuntimeConfig): void {
  if (config.embeddings.provider !== 'none') return;
  throw new MemoryError(
    'CONFIG_INVALID',
    'MEMORY_EMBEDDINGS=none: reindex writes the vectors of the configured provider, and there is none. Choose local or openai-compatible; switching a store that holds embeddings to none is not supported yet.',
    { details: { variable: 'MEMORY_EMBEDDINGS' } },
  );
}
