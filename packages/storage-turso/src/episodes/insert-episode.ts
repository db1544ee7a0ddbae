import type { Episode } from '@slm/memory-core';
import { conflict } from '../failures.js';
import { isUniqueViolation } from '../sql/errors.js';
import { numeric } from '../sql/row.js';
import type { SqlRunner } from '../sql/runner.js';
import { EPISODE_COLUMNS, episodeColumnValues, episodeRecordJson } from './episode-row.js';
import { derivedRowsStatements, insertStepsStatements } from './episode-side-tables.js';
import { sortedDistinctSteps } from './sorted-steps.js';

const INSERT_EPISODE = `INSERT INTO episodes (${EPISODE_COLUMNS.join(', ')})
  VALUES (${EPISODE_COLUMNS.map(() => '?').join(', ')}) RETURNING seq`;

/** Writes a new episode with its steps, labels, checkpoints and search document. `CONFLICT` if the id exists. */
export async function insertEpisodeRows(runner: SqlRunner, episode: Episode): Promise<void> {
  const steps = sortedDistinctSteps(episode.steps, episode.id);
  let seq: number;
  try {
    const inserted = await runner.execute({
      sql: INSERT_EPISODE,
      args: episodeColumnValues(episode, episodeRecordJson(episode)),
    });
    seq = numeric(inserted.rows[0]!, 'seq');
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(`episode ${episode.id} already exists`, { episodeId: episode.id });
    }
    throw error;
  }
  await runner.batch([
    ...insertStepsStatements(seq, steps),
    ...derivedRowsStatements({ ...episode, steps }, seq, false),
  ]);
}

/** Rough payload size of an episode write, for group-commit bounds. */
export function episodeBytes(episode: Episode): number {
  return episode.taskDescription.length + episode.steps.length * 512 + 1_024;
}
