import type { Pattern, PatternContent, PatternContext } from '../../domain/pattern.js';
import { contextSimilarity } from './context-similarity.js';
import { sequenceSimilarity } from './levenshtein.js';
import { normalizeText } from './normalize-text.js';

/**
 * The original's Levenshtein-based similarity between a pattern's content and a candidate of the same type, in
 * [0, 1] (0 for different types). Weights per type, as in the original:
 * - tool sequence: 0.7 tool-sequence similarity + 0.3 context;
 * - decision point: 0.4 condition + 0.4 action + 0.2 context;
 * - error recovery: 0.4 error class + 0.4 recovery steps + 0.2 context;
 * - context pattern: 0.6 features + 0.4 recommended approach.
 * Text is compared after normalisation. With `minSimilarity`, the costly string comparisons stop early: a
 * candidate known to fall below it gets some score below it rather than its exact similarity.
 */
export function patternSimilarity(
  content: PatternContent,
  context: PatternContext | undefined,
  candidate: Pattern,
  minSimilarity = 0,
): number {
  switch (content.type) {
    case 'tool_sequence': {
      if (candidate.type !== content.type) return 0;
      return (
        0.7 * sequenceSimilarity(tools(content.tools), tools(candidate.tools)) + 0.3 * contextOf(candidate)
      );
    }
    case 'decision_point': {
      if (candidate.type !== content.type) return 0;
      const fixed = 0.2 * contextOf(candidate);
      const action =
        0.4 * textSimilarity(content.action, candidate.action, (minSimilarity - fixed - 0.4) / 0.4);
      const condition = textSimilarity(
        content.condition,
        candidate.condition,
        (minSimilarity - fixed - action) / 0.4,
      );
      return fixed + action + 0.4 * condition;
    }
    case 'error_recovery': {
      if (candidate.type !== content.type) return 0;
      const fixed =
        0.2 * contextOf(candidate) +
        0.4 * sequenceSimilarity(tools(content.recoverySteps), tools(candidate.recoverySteps));
      return (
        fixed + 0.4 * textSimilarity(content.errorType, candidate.errorType, (minSimilarity - fixed) / 0.4)
      );
    }
    case 'context_pattern': {
      if (candidate.type !== content.type) return 0;
      const fixed =
        0.6 * sequenceSimilarity(features(content.contextFeatures), features(candidate.contextFeatures));
      // The approach lists tools ("use tools: a, b, c"): compared tool by tool, not character by character,
      // which is both what matters and ~100× cheaper for long lists.
      const approach = sequenceSimilarity(
        approachTokens(content.recommendedApproach),
        approachTokens(candidate.recommendedApproach),
        (minSimilarity - fixed) / 0.4,
      );
      return fixed + 0.4 * approach;
    }
  }

  function contextOf(pattern: Pattern): number {
    return contextSimilarity(context, pattern.context);
  }
}

function textSimilarity(left: string, right: string, minSimilarity: number): number {
  return sequenceSimilarity(normalizeText(left), normalizeText(right), minSimilarity);
}

function approachTokens(approach: string): string[] {
  return normalizeText(approach)
    .split(/[\s,;:]+/)
    .filter(Boolean);
}

function tools(names: readonly string[]): string[] {
  return names.map((name) => name.trim().toLowerCase());
}

function features(names: readonly string[]): string[] {
  return names.map((name) => name.toLowerCase());
}
