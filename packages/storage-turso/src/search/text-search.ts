import type { CandidateFilter, PatternFilter, ScoredId } from '@slm/memory-core';
import {
  candidateFilterConditions,
  facetExpression,
  matchExpression,
  patternFacetExpression,
} from '../episodes/episode-filters.js';
import { foldAppendedSteps } from '../episodes/search-documents.js';
import { patternFilterConditions } from '../patterns/read-patterns.js';
import type { Database } from '../sql/database.js';
import { numeric, text } from '../sql/row.js';
import type { TermStatistics } from './term-statistics.js';

/**
 * Episodes ranked by FTS5's `bm25()` (k1 = 1.2, b = 0.75) for any of `terms`. The namespace, domain, completed
 * and archived filters are one facet token in the FTS5 index (migration 0004), so FTS5 ranks only the documents
 * they admit; terms present in most documents are dropped first (they cannot change the order, see
 * TermStatistics). The ranked hits (a materialised CTE: one pass over the index; only the best `limit` when the
 * facets express the whole filter) are then joined to their episodes, where every filter is applied again on
 * typed columns — the facets narrow, the columns decide. The statistics are keyed reads on the main thread
 * and the search is one statement on a read thread: a second statement of the same read would wait in the
 * threads' queue again, behind whatever other reads arrived meanwhile.
 */
export async function searchEpisodesByText(
  database: Database,
  statistics: TermStatistics,
  namespace: string,
  terms: readonly string[],
  filter: CandidateFilter,
  limit: number,
): Promise<ScoredId[]> {
  database.assertOpen('searchEpisodesByText');
  if (terms.length === 0 || limit <= 0) return [];
  const where = candidateFilterConditions(namespace, filter);
  if (filter.completedOnly === false) await foldAppendedSteps(database);
  const informative = await database.lookup('searchEpisodesByText', (runner) =>
    statistics.informativeTerms(runner, terms),
  );
  return database.read('searchEpisodesByText', async (runner) => {
    const match = `terms : (${matchExpression(informative, 'OR')}) AND facets : (${facetExpression(namespace, filter)})`;
    // When the facets express the whole filter, only the best `limit` hits need joining to their episodes.
    const facetsExact = !filter.taskTypes?.length && !filter.outcomeTypes?.length;
    const result = await runner.execute({
      sql: `WITH hits AS MATERIALIZED (SELECT rowid, bm25(episode_fts, 1.0, 0.0) AS rank FROM episode_fts WHERE episode_fts MATCH ?${facetsExact ? ' ORDER BY rank LIMIT ?' : ''})
            SELECT e.id AS id, hits.rank AS rank FROM hits CROSS JOIN episodes e ON e.seq = hits.rowid
            WHERE ${where.sql()}
            ORDER BY hits.rank, e.id LIMIT ?`,
      args: [match, ...(facetsExact ? [Math.floor(limit)] : []), ...where.args, Math.floor(limit)],
    });
    return result.rows.map((row) => ({ id: text(row, 'id'), score: -numeric(row, 'rank') }));
  });
}

/**
 * Patterns ranked by `bm25()` over their search documents, the same way: namespace, types and domains as one
 * facet token inside FTS5 (migration 0004), terms FTS5 weighs ~0 dropped, every filter applied again in SQL.
 */
export async function searchPatternsByText(
  database: Database,
  statistics: TermStatistics,
  namespace: string,
  terms: readonly string[],
  filter: PatternFilter,
  limit: number,
): Promise<ScoredId[]> {
  database.assertOpen('searchPatternsByText');
  if (terms.length === 0 || limit <= 0) return [];
  const where = patternFilterConditions(namespace, filter);
  const informative = await database.lookup('searchPatternsByText', (runner) =>
    statistics.informativeTerms(runner, terms),
  );
  return database.read('searchPatternsByText', async (runner) => {
    const match = `terms : (${matchExpression(informative, 'OR')}) AND facets : (${patternFacetExpression(namespace, filter)})`;
    const facetsExact = filter.minOccurrences === undefined;
    const result = await runner.execute({
      sql: `WITH hits AS MATERIALIZED (SELECT rowid, bm25(pattern_fts, 1.0, 0.0) AS rank FROM pattern_fts WHERE pattern_fts MATCH ?${facetsExact ? ' ORDER BY rank LIMIT ?' : ''})
            SELECT p.id AS id, hits.rank AS rank FROM hits CROSS JOIN patterns p ON p.seq = hits.rowid
            WHERE ${where.sql()}
            ORDER BY hits.rank, p.id LIMIT ?`,
      args: [match, ...(facetsExact ? [Math.floor(limit)] : []), ...where.args, Math.floor(limit)],
    });
    return result.rows.map((row) => ({ id: text(row, 'id'), score: -numeric(row, 'rank') }));
  });
}
