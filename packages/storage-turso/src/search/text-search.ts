import type { CandidateFilter, PatternFilter, ScoredId } from '@slm/memory-core';
import { candidateFilterConditions, matchExpression } from '../episodes/episode-filters.js';
import { foldAppendedSteps } from '../episodes/search-documents.js';
import { patternFilterConditions } from '../patterns/read-patterns.js';
import type { Database } from '../sql/database.js';
import { numeric, text } from '../sql/row.js';

/**
 * Episodes ranked by FTS5's `bm25()` (k1 = 1.2, b = 0.75) for any of `terms`, filters joined in SQL on typed
 * columns. The matches are ranked first (a materialised CTE: FTS5 computes bm25 in one pass over its index),
 * then joined to their episodes and filtered — measured 1.8× faster than joining inside the FTS5 scan.
 */
export async function searchEpisodesByText(
  database: Database,
  namespace: string,
  terms: readonly string[],
  filter: CandidateFilter,
  limit: number,
): Promise<ScoredId[]> {
  database.assertOpen('searchEpisodesByText');
  if (terms.length === 0 || limit <= 0) return [];
  const where = candidateFilterConditions(namespace, filter);
  if (filter.completedOnly === false) await foldAppendedSteps(database);
  return database.read('searchEpisodesByText', async (runner) => {
    const result = await runner.execute({
      sql: `WITH hits AS MATERIALIZED (SELECT rowid, bm25(episode_fts) AS rank FROM episode_fts WHERE episode_fts MATCH ?)
            SELECT e.id AS id, hits.rank AS rank FROM hits CROSS JOIN episodes e ON e.seq = hits.rowid
            WHERE ${where.sql()}
            ORDER BY hits.rank, e.id LIMIT ?`,
      args: [matchExpression(terms, 'OR'), ...where.args, Math.floor(limit)],
    });
    return result.rows.map((row) => ({ id: text(row, 'id'), score: -numeric(row, 'rank') }));
  });
}

/** Patterns ranked by `bm25()` over their search documents, pattern filters applied in SQL. */
export async function searchPatternsByText(
  database: Database,
  namespace: string,
  terms: readonly string[],
  filter: PatternFilter,
  limit: number,
): Promise<ScoredId[]> {
  database.assertOpen('searchPatternsByText');
  if (terms.length === 0 || limit <= 0) return [];
  const where = patternFilterConditions(namespace, filter);
  return database.read('searchPatternsByText', async (runner) => {
    const result = await runner.execute({
      sql: `WITH hits AS MATERIALIZED (SELECT rowid, bm25(pattern_fts) AS rank FROM pattern_fts WHERE pattern_fts MATCH ?)
            SELECT p.id AS id, hits.rank AS rank FROM hits CROSS JOIN patterns p ON p.seq = hits.rowid
            WHERE ${where.sql()}
            ORDER BY hits.rank, p.id LIMIT ?`,
      args: [matchExpression(terms, 'OR'), ...where.args, Math.floor(limit)],
    });
    return result.rows.map((row) => ({ id: text(row, 'id'), score: -numeric(row, 'rank') }));
  });
}
