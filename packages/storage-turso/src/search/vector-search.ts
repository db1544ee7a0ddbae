import type { Row } from '@libsql/client';
import type { CandidateFilter, PatternFilter, ScoredId } from '@slm/memory-core';
import { candidateFilterConditions } from '../episodes/episode-filters.js';
import { patternFilterConditions } from '../patterns/read-patterns.js';
import type { Conditions } from '../sql/conditions.js';
import type { Database } from '../sql/database.js';
import { numeric, optionalNumeric, text } from '../sql/row.js';
import { VECTOR_TABLES } from './embeddings.js';
import { checkVector, vectorBytes } from './vectors.js';

/**
 * Neighbours asked of the index. The DiskANN index answers at most about `search_l` (100) of them, however
 * many are asked: asking for more costs without returning more.
 */
const NEIGHBOURS = 100;
/** Filtered sets up to this size are scanned exactly when the index's neighbours do not (or will not) suffice. */
const EXACT_SCAN_ROWS = 5_000;
/**
 * An exact scan ranks on the compact (float8) vectors, then re-scores this many times `limit` (plus a margin)
 * with the full vectors. Float8 moves a cosine distance far less than the gap between a result and
 * the shortlist's tail, so the answer equals a float32 scan's (test/vector-search.int.test.ts) while reading a
 * quarter of the bytes.
 */
const SHORTLIST_FACTOR = 2;
const SHORTLIST_MARGIN = 20;

interface VectorQuery {
  target: 'episode' | 'pattern';
  /** Alias of the record table in `where`: `e` or `p`. */
  alias: string;
  where: Conditions;
  vector: Float32Array;
  limit: number;
}

/**
 * Nearest records by cosine similarity, in the database. The DiskANN index (`vector_top_k`) proposes the ~100
 * nearest vectors of the whole table, joined back to their records and filtered on typed columns. The
 * filtered set is counted first on the covering candidate index (stopping past 5,000); when it is at most
 * 5,000 and the index's neighbours fall short of `limit` — or are predicted to, because the filter keeps too
 * small a share of the table (100 × filtered / table size < limit) — an exact scan (still in SQL: ranked on the
 * float8 copies, for episodes one range of the scan table, the shortlist re-scored in float32) answers, without
 * the wasted index query. So small namespaces and selective filters are always complete and exact; over a
 * larger filtered set the index's filtered neighbours are returned — approximate, like any ANN answer, and
 * possibly fewer than `limit`. Scores are `1 − cosine distance`.
 */
async function nearest(database: Database, operation: string, query: VectorQuery): Promise<ScoredId[]> {
  const { vectors, scan, scanVector, records, index } = VECTOR_TABLES[query.target];
  const { alias, where } = query;
  const bytes = vectorBytes(query.vector);
  // max(seq) is an O(log n) estimate of the table's size (deleted rows inflate it, erring towards exact).
  // A keyed count (it stops past 5,000) on the main thread; the search itself, one statement on a read thread.
  const counted = await database.lookup(operation, (runner) =>
    runner.execute({
      sql: `SELECT (SELECT count(*) FROM (SELECT 1 FROM ${records} ${alias} WHERE ${where.sql()} LIMIT ${EXACT_SCAN_ROWS + 1})) AS n,
                   (SELECT max(seq) FROM ${vectors}) AS total`,
      args: where.args,
    }),
  );
  const filtered = numeric(counted.rows[0]!, 'n');
  const total = optionalNumeric(counted.rows[0]!, 'total') ?? 0;
  const shortlist = query.limit * SHORTLIST_FACTOR + SHORTLIST_MARGIN;
  const exactScan = async () => {
    const result = await database.read(
      operation,
      (runner) =>
        runner.execute({
          sql: `WITH shortlist AS MATERIALIZED (
                SELECT ${alias}.seq AS seq, ${alias}.id AS id FROM ${scan}
                WHERE ${where.sql()}
                ORDER BY vector_distance_cos(${scanVector}, vector8(?)) LIMIT ?)
              SELECT s.id AS id, vector_distance_cos(v.vector, vector32(?)) AS distance
              FROM shortlist s CROSS JOIN ${vectors} v ON v.seq = s.seq
              ORDER BY distance, s.id LIMIT ?`,
          args: [...where.args, bytes, shortlist, bytes, query.limit],
        }),
      'vector',
    );
    return result.rows;
  };
  const exactAffordable = filtered <= EXACT_SCAN_ROWS;
  const predictedShort = total === 0 || (NEIGHBOURS * filtered) / total < query.limit;
  if (exactAffordable && predictedShort) return scored(await exactScan());
  const approximate = await database.read(
    operation,
    (runner) =>
      runner.execute({
        sql: `SELECT ${alias}.id AS id, vector_distance_cos(v.vector, vector32(?)) AS distance
          FROM vector_top_k('${index}', vector32(?), ?) AS top
          CROSS JOIN ${vectors} v ON v.seq = top.id
          CROSS JOIN ${records} ${alias} ON ${alias}.seq = v.seq
          WHERE ${where.sql()}
          ORDER BY distance, ${alias}.id LIMIT ?`,
        args: [bytes, bytes, Math.max(NEIGHBOURS, query.limit), ...where.args, query.limit],
      }),
    'vector',
  );
  if (approximate.rows.length < query.limit && exactAffordable) return scored(await exactScan());
  return scored(approximate.rows);
}

function scored(rows: readonly Row[]): ScoredId[] {
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
  return nearest(database, 'searchEpisodesByVector', {
    target: 'episode',
    alias: 'e',
    where,
    vector,
    limit: Math.floor(limit),
  });
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
  return nearest(database, 'searchPatternsByVector', {
    target: 'pattern',
    alias: 'p',
    where,
    vector,
    limit: Math.floor(limit),
  });
}
