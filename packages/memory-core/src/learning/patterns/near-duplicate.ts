import type { Pattern, PatternContribution } from '../../domain/pattern.js';
import { patternSimilarity } from './pattern-similarity.js';

/**
 * The candidate most similar to a contribution (same type; the original's Levenshtein-based measure, see
 * `patternSimilarity`) when that similarity is at least `threshold`, so that the contribution merges into it
 * instead of creating a near-copy. Ties keep the earlier candidate.
 */
export function findNearDuplicate(
  contribution: PatternContribution,
  candidates: readonly Pattern[],
  threshold: number,
): Pattern | undefined {
  let best: Pattern | undefined;
  let bestScore = threshold;
  for (const candidate of candidates) {
    if (candidate.type !== contribution.content.type) continue;
    if (candidate.similarityKey === contribution.similarityKey) return candidate;
    const score = patternSimilarity(contribution.content, contribution.context, candidate, bestScore);
    if (score >= bestScore && (best === undefined || score > bestScore)) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
