import {
  decodeCursor,
  encodeCursor,
  type Page,
  type PageRequest,
  type Pattern,
  type PatternFilter,
  pageSize,
} from '@slm/memory-core';
import { checkBatchSize } from '../batch-ids.js';
import { Conditions } from '../sql/conditions.js';
import type { Database } from '../sql/database.js';
import { text } from '../sql/row.js';
import { PATTERN_SELECT, patternFromRow } from './pattern-row.js';

export function getPattern(database: Database, namespace: string, id: string): Promise<Pattern | null> {
  return database.lookup('getPattern', async (runner) => {
    const result = await runner.execute({
      sql: `SELECT ${PATTERN_SELECT} FROM patterns p WHERE p.id = ? AND p.namespace = ?`,
      args: [id, namespace],
    });
    const row = result.rows[0];
    return row ? patternFromRow(row) : null;
  });
}

export async function getPatterns(
  database: Database,
  namespace: string,
  ids: readonly string[],
): Promise<Pattern[]> {
  database.assertOpen('getPatterns');
  checkBatchSize(ids, 'getPatterns');
  if (ids.length === 0) return [];
  return database.read('getPatterns', async (runner) => {
    const result = await runner.execute({
      sql: `SELECT ${PATTERN_SELECT} FROM json_each(?) ids CROSS JOIN patterns p ON p.id = ids.value WHERE p.namespace = ?`,
      args: [JSON.stringify(ids), namespace],
    });
    const rows = new Map(result.rows.map((row) => [text(row, 'id'), row]));
    return ids.flatMap((id) => {
      const row = rows.get(id);
      return row ? [patternFromRow(row)] : [];
    });
  });
}

/** Pattern filters over `patterns p`. */
export function patternFilterConditions(namespace: string, filter: PatternFilter): Conditions {
  const where = new Conditions()
    .add('p.namespace = ?', namespace)
    .in('p.type', filter.types)
    .in('p.domain', filter.domains);
  if (filter.minOccurrences !== undefined) where.add('p.occurrences >= ?', filter.minOccurrences);
  return where;
}

/** Most occurrences first, then id; filtered and paginated in SQL. */
export async function listPatterns(
  database: Database,
  namespace: string,
  filter: PatternFilter,
  page?: PageRequest,
): Promise<Page<Pattern>> {
  database.assertOpen('listPatterns');
  const size = pageSize(page);
  const where = patternFilterConditions(namespace, filter);
  if (page?.cursor) {
    const cursor = decodeCursor(page.cursor);
    where.add(
      '(p.occurrences < ? OR (p.occurrences = ? AND p.id > ?))',
      cursor.value,
      cursor.value,
      cursor.id,
    );
  }
  return database.read('listPatterns', async (runner) => {
    const result = await runner.execute({
      sql: `SELECT ${PATTERN_SELECT} FROM patterns p WHERE ${where.sql()} ORDER BY p.occurrences DESC, p.id LIMIT ?`,
      args: [...where.args, size + 1],
    });
    const items = result.rows.slice(0, size).map(patternFromRow);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: result.rows.length > size && last ? encodeCursor(last.stats.occurrences, last.id) : null,
    };
  });
}
