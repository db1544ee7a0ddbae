import type { InValue, Row } from '@libsql/client';
import type { Episode, ExecutionStep } from '@slm/memory-core';
import { numeric, optionalText, text } from '../sql/row.js';
import { toMillis, toOptionalMillis } from '../timestamps.js';

/**
 * The columns every episode read selects (alias `e`): the record, its version, and its steps as one JSON array
 * built in SQL — one statement returns whole episodes, so a read is one round trip and one snapshot.
 * The array is not ordered in SQL: an aggregate's ORDER BY sorts every episode's steps in a temporary b-tree
 * (a quarter to a third of a 50-episode read's SQL time at 10k episodes), although the
 * `(episode_seq, step_number)` index they are read through already yields them in order. `episodeFromRow`
 * restores the order when it is not.
 */
export function episodeSelect(alias = 'e'): string {
  return `${alias}.id AS id, ${alias}.record AS record, ${alias}.version AS version,
  (SELECT '[' || group_concat(s.record, ',') || ']' FROM steps s WHERE s.episode_seq = ${alias}.seq) AS steps`;
}

export const EPISODE_SELECT = episodeSelect();

/** Rebuilds an episode from a row selected with `episodeSelect` (a fresh object every time). */
export function episodeFromRow(row: Row): Episode {
  const episode = JSON.parse(text(row, 'record')) as Episode;
  const steps = optionalText(row, 'steps');
  episode.steps = steps === undefined ? [] : inStepOrder(JSON.parse(steps) as ExecutionStep[]);
  episode.version = numeric(row, 'version');
  return episode;
}

/** Steps ordered by `stepNumber`; already ordered (the usual case) costs one pass. */
export function inStepOrder(steps: ExecutionStep[]): ExecutionStep[] {
  for (let index = 1; index < steps.length; index++) {
    if (steps[index]!.stepNumber < steps[index - 1]!.stepNumber) {
      return steps.sort((left, right) => left.stepNumber - right.stepNumber);
    }
  }
  return steps;
}

/** The stored JSON of an episode: everything but its steps, which live in the `steps` table. */
export function episodeRecordJson(episode: Episode): string {
  const { steps: _steps, ...record } = episode;
  return JSON.stringify(record);
}

/** The typed columns of `episodes`, in `EPISODE_COLUMNS` order, and the record. */
export function episodeColumnValues(episode: Episode, record: string): InValue[] {
  return [
    episode.id,
    episode.namespace,
    episode.taskType,
    episode.context.domain,
    episode.context.language ?? null,
    episode.context.framework ?? null,
    JSON.stringify(episode.context.tags),
    episode.outcome?.type ?? null,
    episode.reward?.total ?? null,
    episode.quality?.score ?? null,
    toMillis(episode.startedAt, 'startedAt'),
    toOptionalMillis(episode.endedAt, 'endedAt'),
    toOptionalMillis(episode.archivedAt, 'archivedAt'),
    episode.version,
    record,
  ];
}

export const EPISODE_COLUMNS = [
  'id',
  'namespace',
  'task_type',
  'domain',
  'language',
  'framework',
  'tags',
  'outcome_type',
  'reward_total',
  'quality_score',
  'started_at',
  'ended_at',
  'archived_at',
  'version',
  'record',
] as const;

/** `col = ?` assignments for an UPDATE of everything but the id. */
export const EPISODE_UPDATE_SET = EPISODE_COLUMNS.filter((column) => column !== 'id')
  .map((column) => `${column} = ?`)
  .join(', ');

export function stepRecordJson(step: ExecutionStep): string {
  return JSON.stringify(step);
}
