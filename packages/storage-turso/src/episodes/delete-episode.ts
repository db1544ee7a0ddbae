import type { SqlRunner } from '../sql/runner.js';

/**
 * Deletes an episode; foreign keys cascade to its steps, labels, checkpoints, search document, vector and
 * relationships. Patterns and heuristics keep their counts but no longer name it as evidence (`instr` narrows
 * the rewrite to the rows that hold the id). Returns false when it did not exist in the namespace.
 */
export async function deleteEpisodeRows(runner: SqlRunner, namespace: string, id: string): Promise<boolean> {
  const deleted = await runner.execute({
    sql: 'DELETE FROM episodes WHERE id = ? AND namespace = ?',
    args: [id, namespace],
  });
  if (deleted.rowsAffected === 0) return false;
  await runner.batch([
    {
      sql: `UPDATE patterns SET source_episode_ids =
              (SELECT json_group_array(value ORDER BY key) FROM json_each(patterns.source_episode_ids) WHERE value <> ?)
            WHERE namespace = ? AND instr(source_episode_ids, ?) > 0`,
      args: [id, namespace, id],
    },
    {
      sql: `UPDATE heuristics SET episode_ids =
              (SELECT json_group_array(value ORDER BY key) FROM json_each(heuristics.episode_ids) WHERE value <> ?)
            WHERE namespace = ? AND instr(episode_ids, ?) > 0`,
      args: [id, namespace, id],
    },
  ]);
  return true;
}
