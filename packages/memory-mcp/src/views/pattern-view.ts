import { describePattern, type Pattern, patternSuccessRate, type RankedPattern } from '@slm/memory-core';

/** A pattern as a model needs it: what it says and how well it worked, without the evidence id lists. */
export function patternView(pattern: Pattern) {
  return {
    id: pattern.id,
    type: pattern.type,
    description: describePattern(pattern),
    context: pattern.context ?? null,
    successRate: round(patternSuccessRate(pattern.stats)),
    occurrences: pattern.stats.occurrences,
    timesApplied: pattern.effectiveness.timesApplied,
    successWhenApplied: pattern.effectiveness.successWhenApplied,
    sourceEpisodeCount: pattern.sourceEpisodeIds.length,
    updatedAt: pattern.updatedAt,
  };
}

export function rankedPatternView(ranked: RankedPattern) {
  return {
    ...patternView(ranked.pattern),
    score: round(ranked.score),
    reason: ranked.reason,
    crossDomain: ranked.crossDomain,
  };
}

export function round(value: number): number {
  return Math.round(value * 1_000) / 1_000;
}
