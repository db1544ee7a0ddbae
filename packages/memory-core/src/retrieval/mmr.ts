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
  // Each candidate's highest similarity to anything picked so far, updated with the latest pick only.
  const redundancy = new Array<number>(remaining.length).fill(0);
  const picked: T[] = [];
  while (picked.length < limit && remaining.length > 0) {
    let bestIndex = 0;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (let index = 0; index < remaining.length; index++) {
      const value = lambda * remaining[index]!.score - (1 - lambda) * redundancy[index]!;
      if (value > bestValue) {
        bestValue = value;
        bestIndex = index;
      }
    }
    const chosen = remaining.splice(bestIndex, 1)[0]!;
    redundancy.splice(bestIndex, 1);
    picked.push(chosen);
    if (!chosen.vector || picked.length >= limit) continue;
    for (let index = 0; index < remaining.length; index++) {
      const vector = remaining[index]!.vector;
      if (vector) redundancy[index] = Math.max(redundancy[index]!, cosineSimilarity(vector, chosen.vector));
    }
  }
  return picked;
}
