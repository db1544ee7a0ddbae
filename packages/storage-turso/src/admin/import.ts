import type {
  Episode,
  ExportRecord,
  ExportRecordType,
  Heuristic,
  ImportSummary,
  Pattern,
  RecommendationFeedback,
  RecommendationSession,
  Relationship,
} from '@slm/memory-core';
import { EPISODE_UPDATE_SET, episodeColumnValues, episodeRecordJson } from '../episodes/episode-row.js';
import { derivedRowsStatements, insertStepsStatements } from '../episodes/episode-side-tables.js';
import { insertEpisodeRows } from '../episodes/insert-episode.js';
import { sortedDistinctSteps } from '../episodes/sorted-steps.js';
import { conflict, invalid, notFound } from '../failures.js';
import { HEURISTIC_WRITE_COLUMNS, heuristicWriteValues } from '../heuristics/heuristic-row.js';
import { PATTERN_WRITE_COLUMNS, patternWriteValues } from '../patterns/pattern-row.js';
import { feedbackStatement, sessionStatement } from '../recommendations/recommendations.js';
import {
  insertRelationshipStatement,
  requireEndpoints,
  wouldCloseCycle,
} from '../relationships/relationships.js';
import type { Database } from '../sql/database.js';
import { numeric, text } from '../sql/row.js';
import type { SqlRunner } from '../sql/runner.js';

type Where = { line: number; type: ExportRecordType; id: string };

/** `INSERT … ON CONFLICT (id) DO UPDATE` replacing every column: the upsert-by-id of an import. */
function upsertById(table: string, columns: readonly string[]): string {
  const assignments = columns
    .filter((column) => column !== 'id')
    .map((column) => `${column} = excluded.${column}`)
    .join(', ');
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
    ON CONFLICT (id) DO UPDATE SET ${assignments}`;
}

const UPSERT_PATTERN = upsertById('patterns', PATTERN_WRITE_COLUMNS);
const UPSERT_HEURISTIC = upsertById('heuristics', HEURISTIC_WRITE_COLUMNS);

/**
 * Upserts records by id in one transaction, in order (a record may refer to one earlier in the batch). The
 * first record that cannot be imported — an id owned by another namespace, a clashing similarity key, a
 * missing target, a cycle — fails the call and nothing of the batch is written.
 */
export async function importRecords(
  database: Database,
  records: readonly ExportRecord[],
): Promise<ImportSummary> {
  const imported: Record<ExportRecordType, number> = {
    episode: 0,
    pattern: 0,
    heuristic: 0,
    relationship: 0,
    recommendation_session: 0,
    recommendation_feedback: 0,
  };
  if (records.length === 0) {
    database.assertOpen('importRecords');
    return { imported };
  }
  const bytes = records.reduce((sum, record) => sum + (record.type === 'episode' ? 4_096 : 512), 0);
  await database.write(
    'importRecords',
    async (runner) => {
      for (const [line, record] of records.entries()) {
        await importOne(runner, record, { line, type: record.type, id: record.record.id });
        imported[record.type]++;
      }
    },
    bytes,
  );
  return { imported };
}

function importOne(runner: SqlRunner, record: ExportRecord, where: Where): Promise<void> {
  switch (record.type) {
    case 'episode':
      return importEpisode(runner, record.record, where);
    case 'pattern':
      return importPattern(runner, record.record, where);
    case 'heuristic':
      return importHeuristic(runner, record.record, where);
    case 'relationship':
      return importRelationship(runner, record.record, where);
    case 'recommendation_session':
      return importSession(runner, record.record, where);
    case 'recommendation_feedback':
      return importFeedback(runner, record.record, where);
  }
}

async function importEpisode(runner: SqlRunner, episode: Episode, where: Where): Promise<void> {
  const steps = sortedDistinctSteps(episode.steps, episode.id);
  const found = await runner.execute({
    sql: 'SELECT seq, namespace FROM episodes WHERE id = ?',
    args: [episode.id],
  });
  const existing = found.rows[0];
  if (!existing) return insertEpisodeRows(runner, { ...episode, steps });
  if (text(existing, 'namespace') !== episode.namespace) {
    throw conflict(`episode ${episode.id} exists in another namespace`, where);
  }
  const seq = numeric(existing, 'seq');
  const record = { ...episode, steps };
  await runner.batch([
    {
      sql: `UPDATE episodes SET ${EPISODE_UPDATE_SET} WHERE seq = ?`,
      args: [...episodeColumnValues(record, episodeRecordJson(record)).slice(1), seq],
    },
    { sql: 'DELETE FROM steps WHERE episode_seq = ?', args: [seq] },
    ...insertStepsStatements(seq, steps),
    ...derivedRowsStatements(record, seq, true),
  ]);
}

/** The id holding a unique key in a namespace, and the namespace that owns a record id. */
async function owners(
  runner: SqlRunner,
  table: string,
  keyColumn: string,
  namespace: string,
  key: string,
  id: string,
): Promise<{ keyHolder: string | undefined; idNamespace: string | undefined }> {
  const result = await runner.execute({
    sql: `SELECT (SELECT id FROM ${table} WHERE namespace = ? AND ${keyColumn} = ?) AS key_holder,
                 (SELECT namespace FROM ${table} WHERE id = ?) AS id_namespace`,
    args: [namespace, key, id],
  });
  const row = result.rows[0]!;
  return {
    keyHolder: (row['key_holder'] as string | null) ?? undefined,
    idNamespace: (row['id_namespace'] as string | null) ?? undefined,
  };
}

async function importPattern(runner: SqlRunner, pattern: Pattern, where: Where): Promise<void> {
  const { keyHolder, idNamespace } = await owners(
    runner,
    'patterns',
    'similarity_key',
    pattern.namespace,
    pattern.similarityKey,
    pattern.id,
  );
  if (keyHolder !== undefined && keyHolder !== pattern.id) {
    throw conflict(`pattern ${pattern.id} has the similarity key of pattern ${keyHolder}`, where);
  }
  if (idNamespace !== undefined && idNamespace !== pattern.namespace) {
    throw conflict(`pattern ${pattern.id} exists in another namespace`, where);
  }
  await runner.execute({ sql: UPSERT_PATTERN, args: patternWriteValues(pattern) });
}

async function importHeuristic(runner: SqlRunner, heuristic: Heuristic, where: Where): Promise<void> {
  const { keyHolder, idNamespace } = await owners(
    runner,
    'heuristics',
    'key',
    heuristic.namespace,
    heuristic.key,
    heuristic.id,
  );
  if (keyHolder !== undefined && keyHolder !== heuristic.id) {
    throw conflict(`heuristic ${heuristic.id} has the key of heuristic ${keyHolder}`, where);
  }
  if (idNamespace !== undefined && idNamespace !== heuristic.namespace) {
    throw conflict(`heuristic ${heuristic.id} exists in another namespace`, where);
  }
  await runner.execute({ sql: UPSERT_HEURISTIC, args: heuristicWriteValues(heuristic) });
}

async function importRelationship(
  runner: SqlRunner,
  relationship: Relationship,
  where: Where,
): Promise<void> {
  const { fromEpisodeId: from, toEpisodeId: to, type } = relationship;
  if (from === to) throw invalid('invalid relationship: an episode cannot be related to itself', where);
  await requireEndpoints(runner, relationship);
  const found = await runner.execute({
    sql: `SELECT (SELECT id FROM relationships WHERE from_episode_id = ? AND to_episode_id = ? AND type = ?) AS holder,
                 (SELECT from_episode_id || ' ' || to_episode_id || ' ' || type FROM relationships WHERE id = ?) AS edge`,
    args: [from, to, type, relationship.id],
  });
  const holder = (found.rows[0]!['holder'] as string | null) ?? undefined;
  if (holder !== undefined && holder !== relationship.id) {
    throw conflict(`relationship ${relationship.id} duplicates relationship ${holder}`, where);
  }
  if (holder === undefined) {
    // Re-importing an id with another edge replaces the old edge: it must not count towards a cycle.
    if (found.rows[0]!['edge'] !== null) {
      await runner.execute({ sql: 'DELETE FROM relationships WHERE id = ?', args: [relationship.id] });
    }
    if (await wouldCloseCycle(runner, relationship)) {
      throw conflict(`relationship ${relationship.id} would close a ${type} cycle`, where);
    }
  }
  await runner.execute(insertRelationshipStatement(relationship));
}

async function importSession(runner: SqlRunner, session: RecommendationSession, where: Where): Promise<void> {
  const found = await runner.execute({
    sql: 'SELECT namespace FROM recommendation_sessions WHERE id = ?',
    args: [session.id],
  });
  const owner = found.rows[0];
  if (owner && text(owner, 'namespace') !== session.namespace) {
    throw conflict(`recommendation session ${session.id} exists in another namespace`, where);
  }
  await runner.execute(sessionStatement(session, true));
}

async function importFeedback(
  runner: SqlRunner,
  feedback: RecommendationFeedback,
  where: Where,
): Promise<void> {
  const found = await runner.execute({
    sql: `SELECT (SELECT 1 FROM recommendation_sessions WHERE id = ?1 AND namespace = ?2) AS session,
                 (SELECT id FROM recommendation_feedback WHERE session_id = ?1) AS holder`,
    args: [feedback.sessionId, feedback.namespace],
  });
  const row = found.rows[0]!;
  if (row['session'] === null)
    throw notFound('recommendation session', feedback.sessionId, feedback.namespace);
  const holder = (row['holder'] as string | null) ?? undefined;
  if (holder !== undefined && holder !== feedback.id) {
    throw conflict(`recommendation session ${feedback.sessionId} already has feedback ${holder}`, where);
  }
  await runner.execute(feedbackStatement(feedback, true));
}
