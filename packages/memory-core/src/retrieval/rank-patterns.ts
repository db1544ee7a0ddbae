import { type Pattern, patternSuccessRate } from '../domain/pattern.js';
import { isDemoted, patternEffectiveness, recencyFactor } from '../learning/effectiveness.js';
import { wilsonLowerBound } from '../learning/wilson.js';
import type { RankingConfig } from '../memory/config.js';
import type { QueryContext } from '../memory/inputs.js';
import type { RankedPattern, ScoreBreakdown } from '../memory/results.js';
import { contextMatch, isCrossDomain } from './context-match.js';
import { describeSignals, formatAge, joinReason } from './explain.js';
import { meanToolProbability } from './procedure-prior.js';

export interface PatternCandidate {
  pattern: Pattern;
  lexical: number;
  semantic: number;
  /** Relevance in [0, 1]: fused search rank, or the score of the relevant episodes it came from. */
  fused: number;
  vector?: Float32Array;
}

export interface PatternRankingInput {
  context: QueryContext;
  predictions: ReadonlyMap<string, number>;
  nowMs: number;
  ranking: RankingConfig;
  demotionThreshold: number;
  /** Recommendations add the learned feedback boost: weight × WilsonLowerBound(succeeded, applied). */
  feedbackBoost: boolean;
}

export interface ScoredPattern extends RankedPattern {
  vector?: Float32Array;
}

/** Tools a pattern recommends, for the procedure prior. */
export function patternTools(pattern: Pattern): string[] {
  switch (pattern.type) {
    case 'tool_sequence':
      return pattern.tools;
    case 'error_recovery':
      return pattern.recoverySteps;
    default:
      return [];
  }
}

/** Measured effectiveness, with demoted patterns (poor after ≥ 5 applications) pushed to 0. */
export function effectivenessSignal(pattern: Pattern, demotionThreshold: number): number {
  if (isDemoted(pattern, demotionThreshold)) return 0;
  return Math.min(1, patternEffectiveness(pattern.effectiveness) / 2);
}

/** The learned boost of recommendations: how often applying the pattern worked, pessimistically. */
export function feedbackBoost(pattern: Pattern): number {
  const { successWhenApplied, timesApplied } = pattern.effectiveness;
  return wilsonLowerBound(successWhenApplied, timesApplied);
}

/**
 * Scores pattern candidates: relevance, context, success rate (as the outcome signal), recency, procedure
 * prior and measured effectiveness; recommendations add the feedback boost. Best first.
 */
export function rankPatterns(
  candidates: readonly PatternCandidate[],
  input: PatternRankingInput,
): ScoredPattern[] {
  const { ranking, context, predictions, nowMs } = input;
  const weightSum =
    ranking.relevanceWeight +
    ranking.contextWeight +
    ranking.outcomeWeight +
    ranking.recencyWeight +
    ranking.priorWeight +
    ranking.effectivenessWeight;
  const scored = candidates.map((candidate): ScoredPattern => {
    const { pattern } = candidate;
    const lastUsed = pattern.effectiveness.lastUsedAt ?? pattern.updatedAt;
    const breakdown: ScoreBreakdown = {
      lexical: candidate.lexical,
      semantic: candidate.semantic,
      fused: candidate.fused,
      context: contextMatch(context, pattern.context),
      outcome: patternSuccessRate(pattern.stats),
      recency: recencyFactor(lastUsed, nowMs, ranking.recencyHalfLifeDays),
      prior: meanToolProbability(predictions, patternTools(pattern)),
      effectiveness: effectivenessSignal(pattern, input.demotionThreshold),
      total: 0,
    };
    const base =
      (ranking.relevanceWeight * breakdown.fused +
        ranking.contextWeight * breakdown.context +
        ranking.outcomeWeight * breakdown.outcome +
        ranking.recencyWeight * breakdown.recency +
        ranking.priorWeight * breakdown.prior +
        ranking.effectivenessWeight * breakdown.effectiveness) /
      weightSum;
    breakdown.total = input.feedbackBoost
      ? base + ranking.feedbackBoostWeight * feedbackBoost(pattern)
      : base;
    const crossDomain = isCrossDomain(context, pattern.context?.domain);
    return {
      pattern,
      score: breakdown.total,
      breakdown,
      reason: patternReason(pattern, breakdown, crossDomain, nowMs),
      crossDomain,
      ...(candidate.vector ? { vector: candidate.vector } : {}),
    };
  });
  return scored.sort((left, right) => right.score - left.score);
}

function patternReason(
  pattern: Pattern,
  breakdown: ScoreBreakdown,
  crossDomain: boolean,
  nowMs: number,
): string {
  const { stats, effectiveness } = pattern;
  const successes = Number.isInteger(stats.successes) ? stats.successes : stats.successes.toFixed(1);
  const applied =
    effectiveness.timesApplied > 0
      ? `worked ${Number(effectiveness.successWhenApplied.toFixed(1))}/${effectiveness.timesApplied} times applied`
      : undefined;
  return joinReason([
    `${successes}/${stats.occurrences} successes on similar tasks`,
    applied,
    crossDomain && `cross-domain (${pattern.context?.domain ?? 'unknown'})`,
    describeSignals(breakdown),
    effectiveness.lastUsedAt ? `last used ${formatAge(effectiveness.lastUsedAt, nowMs)}` : undefined,
  ]);
}
