import type { InValue, Row } from '@libsql/client';
import { type Pattern, patternSearchText } from '@slm/memory-core';
import { numeric, optionalNumeric, optionalText, text } from '../sql/row.js';
import { toMillis } from '../timestamps.js';

/** The columns every pattern read selects (alias-free, so RETURNING can use it too). */
export const PATTERN_COLUMNS = `id, namespace, similarity_key, occurrences, successes, failures, avg_latency_ms,
  times_retrieved, times_applied, success_when_applied, failure_when_applied, avg_reward_delta, last_used_at,
  source_episode_ids, created_at, updated_at, content`;

/** `PATTERN_COLUMNS` qualified with a table alias, for joins. */
export function patternSelect(alias = 'p'): string {
  return PATTERN_COLUMNS.split(',')
    .map((column) => `${alias}.${column.trim()}`)
    .join(', ');
}

export const PATTERN_SELECT = patternSelect();

/** The immutable part of a pattern (its variant fields and context) as stored in `content`. */
type PatternContent = Omit<
  Pattern,
  | 'id'
  | 'namespace'
  | 'similarityKey'
  | 'stats'
  | 'effectiveness'
  | 'sourceEpisodeIds'
  | 'createdAt'
  | 'updatedAt'
>;

export function patternFromRow(row: Row): Pattern {
  const content = JSON.parse(text(row, 'content')) as PatternContent;
  const lastUsedAt = optionalText(row, 'last_used_at');
  const pattern = {
    ...content,
    id: text(row, 'id'),
    namespace: text(row, 'namespace'),
    similarityKey: text(row, 'similarity_key'),
    stats: {
      occurrences: numeric(row, 'occurrences'),
      successes: numeric(row, 'successes'),
      failures: numeric(row, 'failures'),
    },
    effectiveness: {
      timesRetrieved: numeric(row, 'times_retrieved'),
      timesApplied: numeric(row, 'times_applied'),
      successWhenApplied: numeric(row, 'success_when_applied'),
      failureWhenApplied: numeric(row, 'failure_when_applied'),
      avgRewardDelta: numeric(row, 'avg_reward_delta'),
      ...(lastUsedAt !== undefined ? { lastUsedAt } : {}),
    },
    sourceEpisodeIds: JSON.parse(text(row, 'source_episode_ids')) as string[],
    createdAt: text(row, 'created_at'),
    updatedAt: text(row, 'updated_at'),
  } as Pattern;
  const latency = optionalNumeric(row, 'avg_latency_ms');
  if (pattern.type === 'tool_sequence') pattern.avgLatencyMs = latency ?? 0;
  return pattern;
}

/** Column values of a whole pattern record (insert and import), in `PATTERN_WRITE_COLUMNS` order. */
export function patternWriteValues(pattern: Pattern): InValue[] {
  const {
    id,
    namespace,
    similarityKey,
    stats,
    effectiveness,
    sourceEpisodeIds,
    createdAt,
    updatedAt,
    ...content
  } = pattern;
  if ('avgLatencyMs' in content) delete (content as { avgLatencyMs?: number }).avgLatencyMs;
  return [
    id,
    namespace,
    similarityKey,
    pattern.type,
    pattern.context?.domain ?? null,
    stats.occurrences,
    stats.successes,
    stats.failures,
    pattern.type === 'tool_sequence' ? pattern.avgLatencyMs : null,
    effectiveness.timesRetrieved,
    effectiveness.timesApplied,
    effectiveness.successWhenApplied,
    effectiveness.failureWhenApplied,
    effectiveness.avgRewardDelta,
    effectiveness.lastUsedAt ?? null,
    JSON.stringify(sourceEpisodeIds),
    createdAt,
    updatedAt,
    toMillis(updatedAt, 'updatedAt'),
    JSON.stringify(content),
    patternSearchText(pattern),
  ];
}

export const PATTERN_WRITE_COLUMNS = [
  'id',
  'namespace',
  'similarity_key',
  'type',
  'domain',
  'occurrences',
  'successes',
  'failures',
  'avg_latency_ms',
  'times_retrieved',
  'times_applied',
  'success_when_applied',
  'failure_when_applied',
  'avg_reward_delta',
  'last_used_at',
  'source_episode_ids',
  'created_at',
  'updated_at',
  'updated_at_ms',
  'content',
  'search_text',
] as const;
