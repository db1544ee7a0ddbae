import { cosineSimilarity } from '../embeddings/provider.js';

export interface DiversityCandidate {
  score: number;
  vector?: Float32Array | undefined;
}

/**
 * Maximal marginal relevance: picks `limit` items, each maximising λ·score − (1 − λ)·(max similarity to the
 * items already picked), so near-identical results do not crowd out the rest. Items without a vector are
 * treated as dissimilar to everything. Scores should be in [0, 1].
 */
export function maximalMarginalRelevance<T extends DiversityCandidate>(
  candidates: readonly T[],
  lambda: number,
  limit: number,
): T[] {
  const remaining = [...candidates];
  const picked: T[] = [];
  while (picked.length < limit && remaining.length > 0) {
    let bestIndex = 0;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (const [index, candidate] of remaining.entries()) {
      let redundancy = 0;
      if (candidate.vector) {
        for (const chosen of picked) {
          if (chosen.vector)
            redundancy = Math.max(redundancy, cosineSimilarity(candidate.vector, chosen.vector));
        }
      }
      const value = lambda * candidate.score - (1 - lambda) * redundancy;
      if (value > bestValue) {
        bestValue = value;
        bestIndex = index;
      }
    }
    picked.push(remaining.splice(bestIndex, 1)[0]!);
  }
  return picked;
}
