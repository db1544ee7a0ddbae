import { hasCacheMaintenance } from '@slm/memory-core';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { emit } from '../output/emit.js';
import { formatCount } from '../output/format.js';
import { inProcessCacheNote } from '../store/cache-note.js';
import { withStore } from '../store/with-store.js';

/**
 * `memory-cli sync [--all-namespaces]`: reconciles the cache with the durable store — every cached episode is
 * compared with the store and refreshed when it differs or dropped when it is gone (the seed's
 * `sync_memories()`). Fails (exit 1) when the cache is unreachable.
 */
export function registerSyncCommand(program: Command, context: CliContext): void {
  program
    .command('sync')
    .description('reconcile the cache with the durable store (refresh stale entries, drop deleted ones)')
    .option('--all-namespaces', 'every namespace in the cache, not only --namespace')
    .action((options: { allNamespaces?: boolean }, command: Command) =>
      withStore(context.io, command, async ({ config, store, json }) => {
        const namespace = options.allNamespaces ? null : config.memory.namespace;
        const report =
          namespace === null && hasCacheMaintenance(store.storage)
            ? await store.storage.syncMemories()
            : await store.memory.syncMemories();
        const note = inProcessCacheNote(config);
        const document = { namespace, ...report, ...(note ? { note } : {}) };
        emit(
          context.io,
          json,
          document,
          () =>
            `cache sync (${namespace ?? 'all namespaces'}): ${formatCount(report.checked)} checked, ${formatCount(report.refreshed)} refreshed, ${formatCount(report.dropped)} dropped\n${note ? `note: ${note}\n` : ''}`,
        );
      }),
    );
}
