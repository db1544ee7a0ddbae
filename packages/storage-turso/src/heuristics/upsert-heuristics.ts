import {
  type Heuristic,
  type HeuristicContribution,
  LIMITS,
  mergeHeuristicContribution,
  wilsonLowerBound,
} from '@slm/memory-core';
import { boundedAppendSql } from '../bounded-append.js';
import { conflict } from '../failures.js';
import { isUniqueViolation } from '../sql/errors.js';
import { numeric } from '../sql/row.js';
import type { SqlRunner } from '../sql/runner.js';
import {
  HEURISTIC_COLUMNS,
  HEURISTIC_WRITE_COLUMNS,
  heuristicFromRow,
  heuristicWriteValues,
} from './heuristic-row.js';

const NEW_EPISODE = "json_extract(excluded.episode_ids, '$[0]')";

/** `mergeHeuristicContribution` in SQL: evidence adds, idempotent per episode, newest 50 ids kept. */
const UPSERT_HEURISTIC = `INSERT INTO heuristics (${HEURISTIC_WRITE_COLUMNS.join(', ')})
  VALUES (${HEURISTIC_WRITE_COLUMNS.map(() => '?').join(', ')})
  ON CONFLICT (namespace, key) DO UPDATE SET
    successes = heuristics.successes + excluded.successes,
    total = heuristics.total + excluded.total,
    episode_ids = ${boundedAppendSql('heuristics.episode_ids', NEW_EPISODE, LIMITS.heuristicEvidenceIds)},
    updated_at = CASE WHEN excluded.updated_at_ms > heuristics.updated_at_ms THEN excluded.updated_at ELSE heuristics.updated_at END,
    updated_at_ms = max(heuristics.updated_at_ms, excluded.updated_at_ms)
  WHERE NOT EXISTS (SELECT 1 FROM json_each(heuristics.episode_ids) WHERE value = ${NEW_EPISODE})
  RETURNING ${HEURISTIC_COLUMNS}`;

/**
 * Stores contributions in order. Confidence is recomputed after the evidence has been added in SQL, by a
 * second statement in the same transaction, with memory-core's `wilsonLowerBound` (so both backends agree to
 * the last bit).
 */
export async function upsertHeuristicRows(
  runner: SqlRunner,
  contributions: readonly HeuristicContribution[],
): Promise<Heuristic[]> {
  const stored: Heuristic[] = [];
  for (const contribution of contributions) {
    let result: Awaited<ReturnType<SqlRunner['execute']>>;
    try {
      result = await runner.execute({
        sql: UPSERT_HEURISTIC,
        args: heuristicWriteValues(mergeHeuristicContribution(undefined, contribution)),
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw conflict(`heuristic id ${contribution.newId} is already taken`, {
          heuristicId: contribution.newId,
        });
      }
      throw error;
    }
    const merged = result.rows[0];
    if (!merged) {
      // Already counted for this episode: nothing changed.
      const unchanged = await runner.execute({
        sql: `SELECT ${HEURISTIC_COLUMNS} FROM heuristics WHERE namespace = ? AND key = ?`,
        args: [contribution.namespace, contribution.key],
      });
      stored.push(heuristicFromRow(unchanged.rows[0]!));
      continue;
    }
    const heuristic = heuristicFromRow(merged);
    const confidence = wilsonLowerBound(heuristic.evidence.successes, heuristic.evidence.total);
    if (confidence !== heuristic.confidence) {
      await runner.execute({
        sql: 'UPDATE heuristics SET confidence = ? WHERE seq = ?',
        args: [confidence, numeric(merged, 'seq')],
      });
      heuristic.confidence = confidence;
    }
    stored.push(heuristic);
  }
  return stored;
}
