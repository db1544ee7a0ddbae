import { formatBytes, formatCount, formatPercent } from '../output/format.js';
import { renderKeyValues, renderTable } from '../output/table.js';
import type { StatusReport } from './status-report.js';

/** The human status: versions and store, health per component with latency, counts, cache. */
export function renderStatus(report: StatusReport): string {
  const { versions, database, health } = report;
  const schema = versions.schema;
  const sections = [
    renderKeyValues([
      ['status', report.status],
      ['memory-cli', versions.cli],
      [
        'schema',
        `code ${schema.code}, database ${schema.database ?? 'unknown'}${schema.pending.length > 0 ? ` (pending: ${schema.pending.join(', ')})` : ''}`,
      ],
      ['formats', `export ${versions.exportFormat}, cache ${versions.cacheFormat}`],
      ['database', `${database.url}${database.kind ? ` (${database.kind})` : ''}`],
      ['size', database.sizeBytes === null ? 'unknown' : formatBytes(database.sizeBytes)],
      ['namespace', report.namespace],
    ]),
    renderTable(
      [
        { header: 'COMPONENT' },
        { header: 'STATE' },
        { header: 'LATENCY', align: 'right' },
        { header: 'ERROR' },
      ],
      [
        [
          'store',
          health.storage.ok ? 'ok' : 'down',
          latency(health.storage.latencyMs),
          health.storage.error ?? '',
        ],
        ...(health.cache
          ? [
              [
                `cache (${report.cache?.backend ?? 'cache'})`,
                health.cache.state,
                latency(health.cache.latencyMs),
                health.cache.error ?? '',
              ],
            ]
          : []),
      ],
    ),
  ];
  if (report.counts) {
    const counts = report.counts;
    sections.push(
      renderTable(
        [{ header: 'RECORDS' }, { header: 'COUNT', align: 'right' }, { header: 'DETAIL' }],
        [
          [
            'episodes',
            formatCount(counts.episodes.total),
            `${formatCount(counts.episodes.completed)} completed, ${formatCount(counts.episodes.open)} open, ${formatCount(counts.episodes.archived)} archived, success rate ${formatPercent(counts.successRate)}`,
          ],
          ['steps', formatCount(counts.steps), ''],
          ['patterns', formatCount(counts.patterns.total), byKind(counts.patterns.byType)],
          ['heuristics', formatCount(counts.heuristics), ''],
          ['relationships', formatCount(counts.relationships), ''],
          ['recommendation sessions', formatCount(counts.recommendationSessions), ''],
          ['recommendation feedback', formatCount(counts.recommendationFeedback), ''],
        ],
      ),
    );
  }
  if (report.cache) {
    const cache = report.cache;
    sections.push(
      renderKeyValues([
        [
          'cache',
          `${cache.backend}: ${formatCount(cache.items)} episodes, ${formatBytes(cache.bytes)} (bound ${formatCount(cache.maxEpisodes)} per namespace, TTL ${cache.ttlSeconds} s)`,
        ],
      ]),
    );
  }
  // A problem already shown as the store's error is not repeated.
  const problems = report.problems.filter((problem) => problem !== health.storage.error);
  if (problems.length > 0) sections.push(problems.map((problem) => `problem: ${problem}\n`).join(''));
  return sections.join('\n');
}

function latency(milliseconds: number): string {
  return `${milliseconds.toFixed(1)} ms`;
}

function byKind(counts: Readonly<Record<string, number>>): string {
  return Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${kind} ${formatCount(count)}`)
    .join(', ');
}
