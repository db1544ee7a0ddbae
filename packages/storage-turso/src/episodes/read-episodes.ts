import type { Episode } from '@slm/memory-core';
import { checkBatchSize } from '../batch-ids.js';
import type { Database } from '../sql/database.js';
import { text } from '../sql/row.js';
import { EPISODE_SELECT, episodeFromRow } from './episode-row.js';

export function getEpisode(database: Database, namespace: string, id: string): Promise<Episode | null> {
  return database.lookup('getEpisode', async (runner) => {
    const result = await runner.execute({
      sql: `SELECT ${EPISODE_SELECT} FROM episodes e WHERE e.id = ? AND e.namespace = ?`,
      args: [id, namespace],
    });
    const row = result.rows[0];
    return row ? episodeFromRow(row) : null;
  });
}

/** The episodes that exist among `ids`, in the order of `ids` (one statement). */
export async function getEpisodes(
  database: Database,
  namespace: string,
  ids: readonly string[],
): Promise<Episode[]> {
  database.assertOpen('getEpisodes');
  checkBatchSize(ids, 'getEpisodes');
  if (ids.length === 0) return [];
  return database.read('getEpisodes', async (runner) => {
    const result = await runner.execute({
      // Driven by the id list: the planner would otherwise walk the namespace index.
      sql: `SELECT ${EPISODE_SELECT} FROM json_each(?) ids CROSS JOIN episodes e ON e.id = ids.value
            WHERE e.namespace = ?`,
      args: [JSON.stringify(ids), namespace],
    });
    const rows = new Map(result.rows.map((row) => [text(row, 'id'), row]));
    return ids.flatMap((id) => {
      const row = rows.get(id);
      return row ? [episodeFromRow(row)] : [];
    });
  });
}

export function findEpisodeByCheckpoint(
  database: Database,
  namespace: string,
  checkpointId: string,
): Promise<Episode | null> {
  return database.lookup('findEpisodeByCheckpoint', async (runner) => {
    const result = await runner.execute({
      sql: `SELECT ${EPISODE_SELECT} FROM episode_checkpoints c JOIN episodes e ON e.id = c.episode_id
            WHERE c.checkpoint_id = ? AND e.namespace = ?`,
      args: [checkpointId, namespace],
    });
    const row = result.rows[0];
    return row ? episodeFromRow(row) : null;
  });
}
