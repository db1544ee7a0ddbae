import { LIMITS, mergePatternContribution, type Pattern, type PatternContribution } from '@slm/memory-core';
import { boundedAppendSql } from '../bounded-append.js';
import { conflict } from '../failures.js';
import { isUniqueViolation } from '../sql/errors.js';
import type { SqlRunner } from '../sql/runner.js';
import { PATTERN_COLUMNS, PATTERN_WRITE_COLUMNS, patternFromRow, patternWriteValues } from './pattern-row.js';

const NEW_EPISODE = "json_extract(excluded.source_episode_ids, '$[0]')";

/**
 * The merge of `mergePatternContribution`, done by the database in one statement: counts add, the latency
 * average is weighted by occurrences, the episode id is appended keeping the newest 50, `updatedAt` moves to
 * the later instant. The WHERE clause makes it idempotent per episode: an episode already among the sources
 * changes nothing. Concurrent writers cannot lose an update because the arithmetic happens in the row update.
 */
const UPSERT_PATTERN = `INSERT INTO patterns (${PATTERN_WRITE_COLUMNS.join(', ')})
  VALUES (${PATTERN_WRITE_COLUMNS.map(() => '?').join(', ')})
  ON CONFLICT (namespace, similarity_key) DO UPDATE SET
    occurrences = patterns.occurrences + excluded.occurrences,
    successes = patterns.successes + excluded.successes,
    failures = max(0, (patterns.occurrences + excluded.occurrences) - (patterns.successes + excluded.successes)),
    avg_latency_ms = CASE
      WHEN patterns.avg_latency_ms IS NULL OR excluded.avg_latency_ms IS NULL THEN patterns.avg_latency_ms
      WHEN patterns.occurrences + excluded.occurrences > 0 THEN
        (patterns.avg_latency_ms * patterns.occurrences + excluded.avg_latency_ms * excluded.occurrences)
          / (patterns.occurrences + excluded.occurrences)
      ELSE patterns.avg_latency_ms END,
    source_episode_ids = ${boundedAppendSql('patterns.source_episode_ids', NEW_EPISODE, LIMITS.sourceEpisodeIds)},
    updated_at = CASE WHEN excluded.updated_at_ms > patterns.updated_at_ms THEN excluded.updated_at ELSE patterns.updated_at END,
    updated_at_ms = max(patterns.updated_at_ms, excluded.updated_at_ms)
  WHERE NOT EXISTS (SELECT 1 FROM json_each(patterns.source_episode_ids) WHERE value = ${NEW_EPISODE})
  RETURNING ${PATTERN_COLUMNS}`;

/** Stores contributions in order (each sees the ones before it) and returns the stored pattern for each. */
export async function upsertPatternRows(
  runner: SqlRunner,
  contributions: readonly PatternContribution[],
): Promise<Pattern[]> {
  const stored: Pattern[] = [];
  for (const contribution of contributions) {
    let result: Awaited<ReturnType<SqlRunner['execute']>>;
    try {
      result = await runner.execute({
        sql: UPSERT_PATTERN,
        args: patternWriteValues(mergePatternContribution(undefined, contribution)),
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw conflict(`pattern id ${contribution.newId} is already taken`, {
          patternId: contribution.newId,
        });
      }
      throw error;
    }
    const row =
      result.rows[0] ??
      // The episode was already counted: the row is unchanged and RETURNING yields nothing.
      (
        await runner.execute({
          sql: `SELECT ${PATTERN_COLUMNS} FROM patterns WHERE namespace = ? AND similarity_key = ?`,
          args: [contribution.namespace, contribution.similarityKey],
        })
      ).rows[0]!;
    stored.push(patternFromRow(row));
  }
  return stored;
}
