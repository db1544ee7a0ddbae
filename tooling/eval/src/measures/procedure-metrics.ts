import { hitAt, ndcgAt, reciprocalRank } from '../metrics/ranking.js';
import { mean } from '../metrics/summary.js';
import type { RankedQuery } from './ranked-query.js';

export interface ProcedureScores {
  ndcg5: number;
  recall5: number;
  mrr: number;
  /** Queries scored: those with at least one relevant stored episode. */
  queries: number;
}

/**
 * nDCG@5 (binary relevance, ideal DCG from min(5, relevant stored episodes)), Recall@5 (the fraction of
 * queries with a relevant episode in the top 5) and MRR, averaged over the queries that have any relevant
 * episode — the definitions under which the quality bar's BM25 baselines reproduce.
 */
export function scoreProcedureRetrieval(
  results: readonly RankedQuery[],
  relevant: ReadonlyMap<string, number>,
): ProcedureScores {
  const ndcg: number[] = [];
  const recall: number[] = [];
  const rr: number[] = [];
  for (const { query, ranked } of results) {
    const total = relevant.get(query.group) ?? 0;
    if (total === 0) continue;
    const relevances = ranked.map((episode) => episode.group === query.group);
    ndcg.push(ndcgAt(relevances, total, 5));
    recall.push(hitAt(relevances, 5));
    rr.push(reciprocalRank(relevances));
  }
  return { ndcg5: mean(ndcg), recall5: mean(recall), mrr: mean(rr), queries: ndcg.length };
}
