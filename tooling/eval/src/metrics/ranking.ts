/**
 * Ranking metrics over binary relevance. A ranking is given as one boolean per result, best first;
 * `totalRelevant` is how many relevant items exist in the collection (for the ideal ranking).
 */

/** Discounted cumulative gain of the first `k` results: Σ rel_i / log2(i + 1), i 1-based. */
export function dcgAt(relevances: readonly boolean[], k: number): number {
  let gain = 0;
  for (let index = 0; index < Math.min(k, relevances.length); index++) {
    if (relevances[index]) gain += 1 / Math.log2(index + 2);
  }
  return gain;
}

/**
 * nDCG@k: DCG over the DCG of the ideal ranking, which puts min(k, totalRelevant) relevant items first.
 * Undefined (NaN) when nothing is relevant: the caller decides whether such a query counts.
 */
export function ndcgAt(relevances: readonly boolean[], totalRelevant: number, k: number): number {
  const ideal = dcgAt(
    Array.from({ length: Math.min(k, totalRelevant) }, () => true),
    k,
  );
  return ideal === 0 ? Number.NaN : dcgAt(relevances, k) / ideal;
}

/** Hit@k (the quality bar's "Recall@k"): 1 when at least one of the first `k` results is relevant. */
export function hitAt(relevances: readonly boolean[], k: number): number {
  return relevances.slice(0, k).some(Boolean) ? 1 : 0;
}

/** 1 / rank of the first relevant result; 0 when none is in the ranking. */
export function reciprocalRank(relevances: readonly boolean[]): number {
  const first = relevances.indexOf(true);
  return first === -1 ? 0 : 1 / (first + 1);
}
