import type { Episode, ExecutionStep } from '@slm/memory-core';
import { conflict, invalid, notFound } from '../failures.js';
import { numeric, optionalNumeric, text } from '../sql/row.js';
import type { SqlRunner } from '../sql/runner.js';
import { EPISODE_UPDATE_SET, episodeColumnValues, episodeRecordJson } from './episode-row.js';
import { derivedRowsStatements } from './episode-side-tables.js';

interface StoredState {
  seq: number;
  startedAt: string;
  ended: boolean;
  steps: ExecutionStep[];
}

/**
 * Replaces the mutable parts of an episode under optimistic concurrency (id, namespace, startedAt and steps
 * stay as stored), bumps the version and re-derives labels, checkpoints and the search document.
 */
export async function updateEpisodeRow(
  runner: SqlRunner,
  episode: Episode,
  expectedVersion: number,
): Promise<Episode> {
  const stored = await loadVersioned(runner, episode, expectedVersion);
  return writeVersion(runner, episode, expectedVersion, stored);
}

/**
 * Stores a completion: like an update, and additionally refused (`CONFLICT`) when the episode is already
 * completed or holds steps the completed record does not (a step raced the completion).
 */
export async function completeEpisodeRow(
  runner: SqlRunner,
  episode: Episode,
  expectedVersion: number,
): Promise<Episode> {
  const stored = await loadVersioned(runner, episode, expectedVersion);
  if (stored.ended) throw conflict(`episode ${episode.id} is already completed`, { episodeId: episode.id });
  if (episode.endedAt === undefined) {
    throw invalid(`completing episode ${episode.id} needs endedAt`, { episodeId: episode.id });
  }
  const known = new Set(episode.steps.map((step) => step.stepNumber));
  const raced = stored.steps.filter((step) => !known.has(step.stepNumber)).map((step) => step.stepNumber);
  if (raced.length > 0) {
    throw conflict(`steps ${raced.join(', ')} of episode ${episode.id} were logged during completion`, {
      episodeId: episode.id,
      stepNumbers: raced,
    });
  }
  return writeVersion(runner, episode, expectedVersion, stored);
}

async function loadVersioned(
  runner: SqlRunner,
  episode: Episode,
  expectedVersion: number,
): Promise<StoredState> {
  const result = await runner.execute({
    sql: `SELECT e.seq AS seq, e.namespace AS namespace, e.version AS version, e.ended_at AS ended_at,
            json_extract(e.record, '$.startedAt') AS started_at,
            (SELECT '[' || group_concat(s.record, ',' ORDER BY s.step_number) || ']' FROM steps s WHERE s.episode_seq = e.seq) AS steps
          FROM episodes e WHERE e.id = ?`,
    args: [episode.id],
  });
  const row = result.rows[0];
  if (!row || text(row, 'namespace') !== episode.namespace) {
    throw notFound('episode', episode.id, episode.namespace);
  }
  const version = numeric(row, 'version');
  if (version !== expectedVersion) {
    throw conflict(
      `episode ${episode.id} was changed by another writer (version ${version}, expected ${expectedVersion})`,
      { episodeId: episode.id, version, expectedVersion },
    );
  }
  const steps = row['steps'];
  return {
    seq: numeric(row, 'seq'),
    startedAt: text(row, 'started_at'),
    ended: optionalNumeric(row, 'ended_at') !== undefined,
    steps: typeof steps === 'string' ? (JSON.parse(steps) as ExecutionStep[]) : [],
  };
}

async function writeVersion(
  runner: SqlRunner,
  episode: Episode,
  expectedVersion: number,
  stored: StoredState,
): Promise<Episode> {
  const next: Episode = {
    ...episode,
    startedAt: stored.startedAt,
    steps: stored.steps,
    version: expectedVersion + 1,
  };
  const record = episodeRecordJson(next);
  await runner.batch([
    {
      sql: `UPDATE episodes SET ${EPISODE_UPDATE_SET} WHERE seq = ?`,
      args: [...episodeColumnValues(next, record).slice(1), stored.seq],
    },
    ...derivedRowsStatements(next, stored.seq, true),
  ]);
  // A fresh copy for the caller: parsed from what was stored, never aliasing the input.
  const copy = JSON.parse(record) as Episode;
  copy.steps = stored.steps;
  return copy;
}
