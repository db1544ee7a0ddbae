import type { ScoredId } from '../storage/filters.js';

/**
 * Reciprocal rank fusion: each list contributes 1 / (k + rank) for the ids it ranks (rank from 1). Robust to
 * the incomparable score scales of BM25 and cosine; k = 60 is the usual constant.
 */
export function reciprocalRankFusion(lists: ReadonlyArray<readonly ScoredId[]>, k: number): Map<string, number> {
  const fused = new Map<string, number>();
  for (const list of lists) {
    list.forEach((hit, index) => {
      fused.set(hit.id, (fused.get(hit.id) ?? 0) + 1 / (k + index + 1));
    });
  }
  return fused;
}

/** Scores divided by the best one, so the top hit is 1 (an empty or all-zero list stays 0). */
export function normaliseByMax(hits: readonly ScoredId[]): Map<string, number> {
  const best = hits.reduce((highest, hit) => Math.max(highest, hit.score), 0);
  return new Map(hits.map((hit) => [hit.id, best > 0 ? Math.max(0, hit.score) / best : 0]));
}
