import type { CandidateFilter, PatternFilter, ScoredId } from '@slm/memory-core';
import { candidateFilterConditions } from '../episodes/episode-filters.js';
import { patternFilterConditions } from '../patterns/read-patterns.js';
import type { Conditions } from '../sql/conditions.js';
import type { Database } from '../sql/database.js';
import { numeric, text } from '../sql/row.js';
import type { SqlRunner } from '../sql/runner.js';
import { VECTOR_TABLES } from './embeddings.js';
import { checkVector, vectorBytes } from './vectors.js';

/**
 * Neighbours asked of the index. The DiskANN index answers at most about `search_l` (100) of them, however
 * many are asked: asking for more costs without returning more.
 */
const NEIGHBOURS = 100;
/**
 * Filtered sets up to this size are scanned exactly: at ~1.7 µs per vector that costs about what one index
 * query does (measured at 10k episodes: exact scan of 2,000 ≈ 3.4 ms, index query ≈ 2.9 ms), and it is exact.
 */
const EXACT_FIRST_ROWS = 2_000;
/** Filtered sets up to this size are scanned exactly when the index's neighbours do not suffice. */
const EXACT_SCAN_ROWS = 5_000;

interface VectorQuery {
  target: 'episode' | 'pattern';
  /** Alias of the record table in `where`: `e` or `p`. */
  alias: string;
  where: Conditions;
  vector: Float32Array;
  limit: number;
}

/**
 * Nearest records by cosine similarity, in the database. The filtered set is counted first on a covering
 * index (stopping past 5,000). A small set (≤ 2,000) is scanned exactly (`vector_distance_cos`, in SQL).
 * Otherwise the DiskANN index (`vector_top_k`) proposes the ~100 nearest vectors of the whole table, joined
 * back to their records and filtered on typed columns; when the filters leave fewer than `limit` of them and
 * the set is at most 5,000, an exact scan answers instead. So small namespaces and selective filters are always
 * complete and exact; over a larger filtered set the index's filtered neighbours are returned — approximate,
 * like any ANN answer, and possibly fewer than `limit`. Scores are `1 − cosine distance`.
 */
async function nearest(runner: SqlRunner, query: VectorQuery): Promise<ScoredId[]> {
  const { vectors, records, index } = VECTOR_TABLES[query.target];
  const { alias, where } = query;
  const bytes = vectorBytes(query.vector);
  const counted = await runner.execute({
    sql: `SELECT count(*) AS n FROM (SELECT 1 FROM ${records} ${alias} WHERE ${where.sql()} LIMIT ${EXACT_SCAN_ROWS + 1})`,
    args: where.args,
  });
  const filtered = numeric(counted.rows[0]!, 'n');
  const exact = async () =>
    (
      await runner.execute({
        sql: `SELECT ${alias}.id AS id, vector_distance_cos(v.vector, vector32(?)) AS distance
              FROM ${records} ${alias} CROSS JOIN ${vectors} v ON v.seq = ${alias}.seq
              WHERE ${where.sql()}
              ORDER BY distance, ${alias}.id LIMIT ?`,
        args: [bytes, ...where.args, query.limit],
      })
    ).rows;
  let rows = filtered <= EXACT_FIRST_ROWS ? await exact() : undefined;
  if (!rows) {
    rows = (
      await runner.execute({
        sql: `SELECT ${alias}.id AS id, vector_distance_cos(v.vector, vector32(?)) AS distance
              FROM vector_top_k('${index}', vector32(?), ?) AS top
              CROSS JOIN ${vectors} v ON v.seq = top.id
              CROSS JOIN ${records} ${alias} ON ${alias}.seq = v.seq
              WHERE ${where.sql()}
              ORDER BY distance, ${alias}.id LIMIT ?`,
        args: [bytes, bytes, Math.max(NEIGHBOURS, query.limit), ...where.args, query.limit],
      })
    ).rows;
    if (rows.length < query.limit && filtered <= EXACT_SCAN_ROWS) rows = await exact();
  }
  return rows.map((row) => ({ id: text(row, 'id'), score: 1 - numeric(row, 'distance') }));
}

export async function searchEpisodesByVector(
  database: Database,
  dimensions: number,
  namespace: string,
  vector: Float32Array,
  filter: CandidateFilter,
  limit: number,
): Promise<ScoredId[]> {
  database.assertOpen('searchEpisodesByVector');
  checkVector(vector, dimensions);
  if (limit <= 0) return [];
  const where = candidateFilterConditions(namespace, filter);
  return database.read('searchEpisodesByVector', (runner) =>
    nearest(runner, { target: 'episode', alias: 'e', where, vector, limit: Math.floor(limit) }),
  );
}

export async function searchPatternsByVector(
  database: Database,
  dimensions: number,
  namespace: string,
  vector: Float32Array,
  filter: PatternFilter,
  limit: number,
): Promise<ScoredId[]> {
  database.assertOpen('searchPatternsByVector');
  checkVector(vector, dimensions);
  if (limit <= 0) return [];
  const where = patternFilterConditions(namespace, filter);
  return database.read('searchPatternsByVector', (runner) =>
    nearest(runner, { target: 'pattern', alias: 'p', where, vector, limit: Math.floor(limit) }),
  );
}
