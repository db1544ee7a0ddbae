import type { Episode, Page } from '@slm/memory-core';
import { formatCount } from '../output/format.js';
import { renderKeyValues, renderTable, truncate } from '../output/table.js';

/** One line per episode, newest first, and the command for the next page. */
export function renderEpisodeList(page: Page<Episode>): string {
  const table = renderTable(
    [
      { header: 'ID' },
      { header: 'STARTED' },
      { header: 'TYPE' },
      { header: 'DOMAIN', maxWidth: 20 },
      { header: 'OUTCOME' },
      { header: 'REWARD', align: 'right' },
      { header: 'STEPS', align: 'right' },
      { header: 'TASK', maxWidth: 60 },
    ],
    page.items.map((episode) => [
      episode.id,
      minute(episode.startedAt),
      episode.taskType,
      episode.context.domain,
      episode.outcome?.type ?? (episode.endedAt ? 'completed' : 'open'),
      episode.reward ? episode.reward.total.toFixed(2) : '',
      formatCount(episode.steps.length),
      episode.taskDescription,
    ]),
  );
  const more = page.nextCursor ? `\nnext page: the same command with --cursor ${page.nextCursor}\n` : '';
  return `${table}${more}`;
}

/** The episode's fields, its steps, and its reflection when it has one. */
export function renderEpisode(episode: Episode): string {
  const context = episode.context;
  const sections = [
    renderKeyValues([
      ['id', episode.id],
      ['namespace', episode.namespace],
      ['task', episode.taskDescription],
      ['type', episode.taskType],
      [
        'context',
        [context.domain, context.language, context.framework, context.complexity].filter(Boolean).join(', '),
      ],
      ['tags', context.tags.join(', ') || 'none'],
      ['labels', episode.labels.join(', ') || 'none'],
      ['started', episode.startedAt],
      ['ended', episode.endedAt ?? 'open'],
      ['outcome', episode.outcome ? outcomeText(episode) : ''],
      ['reward', episode.reward ? episode.reward.total.toFixed(3) : ''],
      ['quality', episode.quality ? episode.quality.score.toFixed(3) : ''],
      ['learning', episode.learning?.status ?? ''],
      ['patterns', formatCount(episode.patternIds.length)],
      ['archived', episode.archivedAt ?? 'no'],
    ]),
    renderTable(
      [
        { header: '#', align: 'right' },
        { header: 'TOOL', maxWidth: 30 },
        { header: 'ACTION', maxWidth: 50 },
        { header: 'RESULT', maxWidth: 40 },
        { header: 'LATENCY', align: 'right' },
      ],
      episode.steps.map((step) => [
        String(step.stepNumber),
        step.tool,
        step.action,
        step.result
          ? step.result.type === 'error'
            ? `error: ${step.result.message}`
            : step.result.type === 'success'
              ? `ok${step.result.output ? `: ${step.result.output}` : ''}`
              : 'timeout'
          : '',
        `${Math.round(step.latencyMs)} ms`,
      ]),
    ),
  ];
  const reflection = episode.reflection;
  if (reflection) {
    const lines = [
      ...reflection.successes.map((item) => `  + ${item}`),
      ...reflection.improvements.map((item) => `  - ${item}`),
      ...reflection.insights.map((item) => `  * ${item}`),
    ];
    if (lines.length > 0)
      sections.push(`reflection:\n${lines.map((line) => `${truncate(line, 120)}\n`).join('')}`);
  }
  return sections.join('\n');
}

function outcomeText(episode: Episode): string {
  const outcome = episode.outcome!;
  const detail =
    outcome.type === 'success' || outcome.type === 'partial_success' ? outcome.verdict : outcome.reason;
  return detail ? `${outcome.type}: ${detail}` : outcome.type;
}

function minute(timestamp: string): string {
  return `${timestamp.slice(0, 16).replace('T', ' ')}Z`;
}
