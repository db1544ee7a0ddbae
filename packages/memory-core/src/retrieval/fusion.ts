import type { ScoredId } from '../storage/filters.js';

/**
 * Reciprocal rank fusion: each list contributes 1 / (k + rank) for the ids it ranks (rank from 1). Robust to
 * the incomparable score scales of BM25 and cosine; k = 60 is the usual constant.
 */
export function reciprocalRankFusion(
  lists: ReadonlyArray<readonly ScoredId[]>,
  k: number,
): Map<string, number> {
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

/**
 * Fused scores as a relevance signal in [0, 1]. Raw RRF scores are compressed (rank 1 and rank 10 differ by
 * ~15 % at k = 60), so dividing by the best would make every candidate look equally relevant and hand the
 * ranking to the secondary signals. Instead the scale runs from the best fused score (1) down to a document
 * found by one list just past the deepest list (0): `(score − floor) / (best − floor)`.
 */
export function fusedRelevance(
  fused: ReadonlyMap<string, number>,
  k: number,
  deepestList: number,
): Map<string, number> {
  const best = Math.max(0, ...fused.values());
  const floor = 1 / (k + deepestList + 1);
  const span = best - floor;
  return new Map(
    [...fused].map(([id, score]) => [id, span > 0 ? Math.max(0, Math.min(1, (score - floor) / span)) : 1]),
  );
}
