import { ACYCLIC_RELATIONSHIP_TYPES, type Relationship, type RelationshipQuery } from '@slm/memory-core';
import { conflict, invalid, notFound } from '../failures.js';
import type { Database } from '../sql/database.js';
import { text } from '../sql/row.js';
import type { SqlRunner } from '../sql/runner.js';
import { toMillis } from '../timestamps.js';

/** The most relationships `listRelationships` returns. */
const MAX_LISTED = 1_000;

/** Whether `to` already reaches `from` through edges of `type` (adding from → to would close a cycle). */
export async function wouldCloseCycle(runner: SqlRunner, relationship: Relationship): Promise<boolean> {
  if (!ACYCLIC_RELATIONSHIP_TYPES.has(relationship.type)) return false;
  const found = await runner.execute({
    sql: `WITH RECURSIVE reach (id) AS (
            SELECT ?
            UNION
            SELECT r.to_episode_id FROM relationships r JOIN reach ON r.from_episode_id = reach.id
            WHERE r.type = ? AND r.namespace = ?)
          SELECT 1 FROM reach WHERE id = ? LIMIT 1`,
    args: [relationship.toEpisodeId, relationship.type, relationship.namespace, relationship.fromEpisodeId],
  });
  return found.rows.length > 0;
}

/** Both episodes must be in the relationship's namespace. */
export async function requireEndpoints(runner: SqlRunner, relationship: Relationship): Promise<void> {
  const { namespace, fromEpisodeId: from, toEpisodeId: to } = relationship;
  const found = await runner.execute({
    sql: 'SELECT id, namespace FROM episodes WHERE id IN (?, ?)',
    args: [from, to],
  });
  const present = new Set(
    found.rows.filter((row) => text(row, 'namespace') === namespace).map((row) => text(row, 'id')),
  );
  for (const id of [from, to]) if (!present.has(id)) throw notFound('episode', id, namespace);
}

export function insertRelationshipStatement(relationship: Relationship) {
  return {
    sql: `INSERT INTO relationships (id, namespace, from_episode_id, to_episode_id, type, created_at, record)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT (id) DO UPDATE SET namespace = excluded.namespace, from_episode_id = excluded.from_episode_id,
            to_episode_id = excluded.to_episode_id, type = excluded.type, created_at = excluded.created_at,
            record = excluded.record`,
    args: [
      relationship.id,
      relationship.namespace,
      relationship.fromEpisodeId,
      relationship.toEpisodeId,
      relationship.type,
      toMillis(relationship.createdAt, 'createdAt'),
      JSON.stringify(relationship),
    ],
  };
}

export async function addRelationship(database: Database, relationship: Relationship): Promise<Relationship> {
  const { fromEpisodeId: from, toEpisodeId: to, type } = relationship;
  const record = JSON.stringify(relationship);
  return database.write('addRelationship', async (runner) => {
    if (from === to)
      throw invalid('invalid relationship: an episode cannot be related to itself', { episodeId: from });
    await requireEndpoints(runner, relationship);
    const existing = await runner.execute({
      sql: `SELECT (SELECT 1 FROM relationships WHERE id = ?) AS same_id,
                   (SELECT 1 FROM relationships WHERE from_episode_id = ? AND to_episode_id = ? AND type = ?) AS same_edge`,
      args: [relationship.id, from, to, type],
    });
    const row = existing.rows[0]!;
    if (row['same_id'] !== null) {
      throw conflict(`relationship ${relationship.id} already exists`, { relationshipId: relationship.id });
    }
    if (row['same_edge'] !== null) {
      throw conflict(`episode ${from} already ${type} episode ${to}`, {
        fromEpisodeId: from,
        toEpisodeId: to,
        type,
      });
    }
    if (await wouldCloseCycle(runner, relationship)) {
      throw conflict(`a ${type} relationship from ${from} to ${to} would close a cycle`, {
        fromEpisodeId: from,
        toEpisodeId: to,
        type,
      });
    }
    await runner.execute(insertRelationshipStatement(relationship));
    return JSON.parse(record) as Relationship;
  });
}

export function removeRelationship(database: Database, namespace: string, id: string): Promise<boolean> {
  return database.write('removeRelationship', async (runner) => {
    const removed = await runner.execute({
      sql: 'DELETE FROM relationships WHERE id = ? AND namespace = ?',
      args: [id, namespace],
    });
    return removed.rowsAffected > 0;
  });
}

/** Relationships touching the episode, oldest first (then id), at most 1,000. */
export function listRelationships(
  database: Database,
  namespace: string,
  episodeId: string,
  query: RelationshipQuery = {},
): Promise<Relationship[]> {
  const direction = query.direction ?? 'both';
  const ends =
    direction === 'outgoing'
      ? 'from_episode_id = ?1'
      : direction === 'incoming'
        ? 'to_episode_id = ?1'
        : '(from_episode_id = ?1 OR to_episode_id = ?1)';
  const types = query.types && query.types.length > 0 ? JSON.stringify(query.types) : null;
  return database.read('listRelationships', async (runner) => {
    const result = await runner.execute({
      sql: `SELECT record FROM relationships
            WHERE ${ends} AND namespace = ?2 AND (?3 IS NULL OR type IN (SELECT value FROM json_each(?3)))
            ORDER BY created_at, id LIMIT ${MAX_LISTED}`,
      args: [episodeId, namespace, types],
    });
    return result.rows.map((row) => JSON.parse(text(row, 'record')) as Relationship);
  });
}
