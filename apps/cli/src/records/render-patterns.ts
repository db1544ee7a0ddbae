import type { Page, Pattern, PatternExplanation } from '@slm/memory-core';
import { formatCount, formatPercent } from '../output/format.js';
import { renderKeyValues, renderTable } from '../output/table.js';
import { describePattern, patternSuccessRate } from './describe-pattern.js';

/** One line per pattern, most frequent first, and the command for the next page. */
export function renderPatternList(page: Page<Pattern>): string {
  const table = renderTable(
    [
      { header: 'ID' },
      { header: 'TYPE' },
      { header: 'DOMAIN', maxWidth: 20 },
      { header: 'SEEN', align: 'right' },
      { header: 'SUCCESS', align: 'right' },
      { header: 'APPLIED', align: 'right' },
      { header: 'PATTERN', maxWidth: 70 },
    ],
    page.items.map((pattern) => [
      pattern.id,
      pattern.type,
      pattern.context?.domain ?? '',
      formatCount(pattern.stats.occurrences),
      formatPercent(patternSuccessRate(pattern)),
      formatCount(pattern.effectiveness.timesApplied),
      describePattern(pattern),
    ]),
  );
  const more = page.nextCursor ? `\nnext page: the same command with --cursor ${page.nextCursor}\n` : '';
  return `${table}${more}`;
}

/** The explanation: what the pattern is, how often it worked, how it did when applied, and its evidence. */
export function renderPatternExplanation(explanation: PatternExplanation): string {
  const { pattern } = explanation;
  return [
    renderKeyValues([
      ['id', pattern.id],
      ['namespace', pattern.namespace],
      ['type', pattern.type],
      ['pattern', describePattern(pattern)],
      ['domain', pattern.context?.domain ?? ''],
      ['summary', explanation.summary],
      [
        'seen',
        `${formatCount(pattern.stats.occurrences)} times, success rate ${formatPercent(explanation.successRate)}`,
      ],
      [
        'applied',
        `${formatCount(pattern.effectiveness.timesApplied)} of ${formatCount(pattern.effectiveness.timesRetrieved)} recommendations, effectiveness ${explanation.effectiveness.toFixed(3)}`,
      ],
      ['confidence', explanation.confidence.toFixed(3)],
      ['updated', pattern.updatedAt],
    ]),
    renderTable(
      [{ header: 'EVIDENCE EPISODE' }, { header: 'OUTCOME' }, { header: 'TASK', maxWidth: 70 }],
      explanation.evidence.map((item) => [item.episodeId, item.outcome, item.taskDescription]),
    ),
  ].join('\n');
}
