import type { ScoredId } from '../filters.js';
import type { CosineQuery } from './cosine-query.js';
import { TopK } from './top-k.js';
import type { VectorIndex } from './vector-index.js';

/**
 * From this many rows in one search, the scan runs in two passes: int8 codes first (a quarter of the bytes
 * of the float32 rows, which is what a large scan waits for), then exact scores for the rows that can still
 * rank. Below it, one exact pass costs less.
 */
export const TWO_PASS_ROWS = 1_024;

/**
 * The `limit` rows of `indexes` most cosine-similar to `query` that `accept` lets through, best first, ties
 * by id: exactly the answer (ids and scores) of scoring every row in float32.
 *
 * The two passes: every row's lower bound competes for the `limit` best, whose worst is then a floor under
 * the limit-th best exact score; only rows whose upper bound reaches that floor are scored exactly. A row
 * below it scores below at least `limit` accepted rows, so it cannot rank.
 */
export function searchVectors(
  indexes: readonly VectorIndex[],
  query: CosineQuery,
  limit: number,
  accept?: (id: string) => boolean,
): ScoredId[] {
  const best = new TopK(limit);
  let rows = 0;
  for (const index of indexes) rows += index.size;
  if (rows < TWO_PASS_ROWS || query.norm === 0 || limit <= 0) {
    for (const index of indexes) index.scoreInto(query, best, accept);
    return best.results();
  }
  const lower = new TopK(limit);
  for (const index of indexes) index.boundInto(query, lower, accept);
  const floor = lower.threshold();
  for (const index of indexes) index.rescoreInto(query, floor, best, accept);
  return best.results();
}
