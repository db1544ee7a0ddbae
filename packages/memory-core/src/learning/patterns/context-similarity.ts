import type { PatternContext } from '../../domain/pattern.js';

const DOMAIN_WEIGHT = 0.4;
const LANGUAGE_WEIGHT = 0.3;
const TAGS_WEIGHT = 0.3;

/**
 * How alike two pattern contexts are, in [0, 1]: domain 0.4, language 0.3, tag overlap (Jaccard) 0.3, as in
 * the original — except that agreeing on "no language" or "no tags" counts as agreement, so identical
 * contexts score 1 (the original gave them 0.55–0.7 and under-merged near-duplicates without tags).
 */
export function contextSimilarity(
  left: PatternContext | undefined,
  right: PatternContext | undefined,
): number {
  const leftDomain = left?.domain.toLowerCase() ?? '';
  const rightDomain = right?.domain.toLowerCase() ?? '';
  let score = leftDomain === rightDomain ? DOMAIN_WEIGHT : 0;
  if ((left?.language?.toLowerCase() ?? '') === (right?.language?.toLowerCase() ?? ''))
    score += LANGUAGE_WEIGHT;
  score += TAGS_WEIGHT * tagOverlap(left?.tags ?? [], right?.tags ?? []);
  return score;
}

function tagOverlap(left: readonly string[], right: readonly string[]): number {
  const leftTags = new Set(left.map((tag) => tag.toLowerCase()));
  const rightTags = new Set(right.map((tag) => tag.toLowerCase()));
  if (leftTags.size === 0 && rightTags.size === 0) return 1;
  let shared = 0;
  for (const tag of leftTags) if (rightTags.has(tag)) shared++;
  return shared / (leftTags.size + rightTags.size - shared);
}
