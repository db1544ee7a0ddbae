import {
  decodeCursor,
  encodeCursor,
  type Heuristic,
  type HeuristicFilter,
  type Page,
  type PageRequest,
  pageSize,
} from '@slm/memory-core';
import { checkBatchSize } from '../batch-ids.js';
import { Conditions } from '../sql/conditions.js';
import type { Database } from '../sql/database.js';
import { text } from '../sql/row.js';
import { HEURISTIC_SELECT, heuristicFromRow } from './heuristic-row.js';

export async function getHeuristics(
  database: Database,
  namespace: string,
  ids: readonly string[],
): Promise<Heuristic[]> {
  database.assertOpen('getHeuristics');
  checkBatchSize(ids, 'getHeuristics');
  if (ids.length === 0) return [];
  return database.read('getHeuristics', async (runner) => {
    const result = await runner.execute({
      sql: `SELECT ${HEURISTIC_SELECT} FROM json_each(?) ids CROSS JOIN heuristics h ON h.id = ids.value WHERE h.namespace = ?`,
      args: [JSON.stringify(ids), namespace],
    });
    const rows = new Map(result.rows.map((row) => [text(row, 'id'), row]));
    return ids.flatMap((id) => {
      const row = rows.get(id);
      return row ? [heuristicFromRow(row)] : [];
    });
  });
}

/** Highest confidence first, then id; filtered and paginated in SQL. */
export async function listHeuristics(
  database: Database,
  namespace: string,
  filter: HeuristicFilter,
  page?: PageRequest,
): Promise<Page<Heuristic>> {
  database.assertOpen('listHeuristics');
  const size = pageSize(page);
  const where = new Conditions().add('h.namespace = ?', namespace).in('h.domain', filter.domains);
  if (filter.minConfidence !== undefined) where.add('h.confidence >= ?', filter.minConfidence);
  if (filter.minEvidence !== undefined) where.add('h.total >= ?', filter.minEvidence);
  if (page?.cursor) {
    const cursor = decodeCursor(page.cursor);
    where.add('(h.confidence < ? OR (h.confidence = ? AND h.id > ?))', cursor.value, cursor.value, cursor.id);
  }
  return database.read('listHeuristics', async (runner) => {
    const result = await runner.execute({
      sql: `SELECT ${HEURISTIC_SELECT} FROM heuristics h WHERE ${where.sql()} ORDER BY h.confidence DESC, h.id LIMIT ?`,
      args: [...where.args, size + 1],
    });
    const items = result.rows.slice(0, size).map(heuristicFromRow);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: result.rows.length > size && last ? encodeCursor(last.confidence, last.id) : null,
    };
  });
}
