import { MemoryError } from '@slm/memory-core';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { EXIT } from '../exit-codes.js';
import { emit } from '../output/emit.js';
import { formatBytes, formatCount, formatPercent } from '../output/format.js';
import { renderKeyValues } from '../output/table.js';
import { nonNegativeInteger } from '../parse/positive-integer.js';
import { inProcessCacheNote } from '../store/cache-note.js';
import { withStore } from '../store/with-store.js';

/** The core's default number of episodes warmed by a regeneration. */
const DEFAULT_WARM = 100;

/**
 * `memory-cli cache stats`: backend, entries and bytes, health with latency (exit 1 when the cache is down).
 * `memory-cli cache regenerate [--warm N]`: drops the namespace's cached entries and warms its N most recent
 * episodes — the seed's "remove the redb file and restart", without a restart.
 */
export function registerCacheCommand(program: Command, context: CliContext): void {
  const cache = program.command('cache').description('cache statistics and regeneration');
  cache
    .command('stats')
    .description('entries, bytes and health of the cache (exit 1 when it is unreachable)')
    .action((_options: unknown, command: Command) =>
      withStore(context.io, command, async ({ config, store, json }) => {
        const [statistics, health] = await Promise.all([
          store.memory.cacheStatistics(),
          store.memory.health(),
        ]);
        const note = inProcessCacheNote(config);
        const document = {
          ...statistics,
          maxEpisodes: config.cache.maxEpisodes,
          ttlSeconds: config.cache.ttlSeconds,
          health: health.cache,
          ...(note ? { note } : {}),
        };
        emit(context.io, json, document, () =>
          renderKeyValues([
            ['backend', statistics?.backend ?? 'none'],
            [
              'state',
              health.cache ? `${health.cache.state} (${health.cache.latencyMs.toFixed(1)} ms)` : 'none',
            ],
            ...(health.cache?.error ? ([['error', health.cache.error]] as const) : []),
            ['entries', formatCount(statistics?.items ?? 0)],
            ['bytes', formatBytes(statistics?.bytes ?? 0)],
            [
              'bound',
              `${formatCount(config.cache.maxEpisodes)} episodes per namespace, TTL ${config.cache.ttlSeconds} s`,
            ],
            [
              'this process',
              `${formatCount(statistics?.hits ?? 0)} hits, ${formatCount(statistics?.misses ?? 0)} misses (${formatPercent(statistics?.hitRate ?? 0)}); the service's hit rate is on its /metrics`,
            ],
            ...(note ? ([['note', note]] as const) : []),
          ]),
        );
        if (health.cache && health.cache.state !== 'ok') context.exitCode = EXIT.failure;
      }),
    );
  cache
    .command('regenerate')
    .description("drop the namespace's cached entries and warm its most recent episodes")
    .option(
      '--warm <n>',
      `episodes to warm after dropping (default ${DEFAULT_WARM}, at most the cache bound)`,
      nonNegativeInteger,
    )
    .action((options: { warm?: number }, command: Command) =>
      withStore(context.io, command, async ({ config, store, json }) => {
        const health = await store.memory.health();
        if (health.cache && health.cache.state !== 'ok') {
          throw new MemoryError(
            'CACHE_FAILED',
            `the cache is unreachable: ${health.cache.error ?? 'degraded'}`,
          );
        }
        const report = await store.memory.regenerateCache(options.warm ?? DEFAULT_WARM);
        const note = inProcessCacheNote(config);
        const document = { namespace: config.memory.namespace, ...report, ...(note ? { note } : {}) };
        emit(
          context.io,
          json,
          document,
          () =>
            `cache regenerated (${document.namespace}): ${formatCount(report.dropped)} entries dropped, ${formatCount(report.warmed)} episodes warmed\n${note ? `note: ${note}\n` : ''}`,
        );
      }),
    );
}
