import type { Episode } from '../domain/episode.js';
import { isFailedStep } from '../domain/step.js';
import { recencyFactor } from '../learning/effectiveness.js';
import type { RankingConfig } from '../memory/config.js';
import type { QueryContext } from '../memory/inputs.js';
import type { RankedEpisode, ScoreBreakdown } from '../memory/results.js';
import { contextMatch, isCrossDomain } from './context-match.js';
import { describeSignals, formatAge, joinReason } from './explain.js';
import { outcomeScore } from './outcome-score.js';
import { relativeToolSetScores } from './procedure-prior.js';

export interface EpisodeCandidate {
  episode: Episode;
  /** In [0, 1]: BM25 relative to the best lexical hit. */
  lexical: number;
  /** In [0, 1]: cosine similarity to the query. */
  semantic: number;
  /** In [0, 1]: reciprocal rank fusion relative to the best candidate. */
  fused: number;
  vector?: Float32Array;
}

export interface EpisodeRankingInput {
  context: QueryContext;
  /** Tool probabilities from the procedure prior (empty when it has nothing to say). */
  predictions: ReadonlyMap<string, number>;
  nowMs: number;
  ranking: RankingConfig;
}

export interface ScoredEpisode extends RankedEpisode {
  vector?: Float32Array;
}

/** The tools an episode actually used (steps that did not fail). */
export function episodeTools(episode: Episode): Set<string> {
  return new Set(episode.steps.filter((step) => !isFailedStep(step)).map((step) => step.tool));
}

/**
 * Scores candidates with every signal (relevance, context, outcome, recency, procedure prior), best first.
 * The total is the weighted mean of the signals, so it stays in [0, 1] whatever the weights.
 */
export function rankEpisodes(
  candidates: readonly EpisodeCandidate[],
  input: EpisodeRankingInput,
): ScoredEpisode[] {
  const { ranking, predictions, context, nowMs } = input;
  const priorScores = relativeToolSetScores(
    predictions,
    candidates.map((candidate) => episodeTools(candidate.episode)),
  );
  const weightSum =
    ranking.relevanceWeight +
    ranking.contextWeight +
    ranking.outcomeWeight +
    ranking.recencyWeight +
    ranking.priorWeight;
  const scored = candidates.map((candidate, index): ScoredEpisode => {
    const { episode } = candidate;
    const breakdown: ScoreBreakdown = {
      lexical: candidate.lexical,
      semantic: candidate.semantic,
      fused: candidate.fused,
      context: contextMatch(context, episode.context),
      outcome: outcomeScore(episode),
      recency: recencyFactor(episode.endedAt ?? episode.startedAt, nowMs, ranking.recencyHalfLifeDays),
      prior: priorScores[index] ?? 0,
      effectiveness: 0,
      total: 0,
    };
    breakdown.total =
      (ranking.relevanceWeight * breakdown.fused +
        ranking.contextWeight * breakdown.context +
        ranking.outcomeWeight * breakdown.outcome +
        ranking.recencyWeight * breakdown.recency +
        ranking.priorWeight * breakdown.prior) /
      weightSum;
    const crossDomain = isCrossDomain(context, episode.context.domain);
    return {
      episode,
      score: breakdown.total,
      breakdown,
      reason: episodeReason(episode, breakdown, crossDomain, nowMs),
      crossDomain,
      ...(candidate.vector ? { vector: candidate.vector } : {}),
    };
  });
  return scored.sort((left, right) => right.score - left.score);
}

function episodeReason(
  episode: Episode,
  breakdown: ScoreBreakdown,
  crossDomain: boolean,
  nowMs: number,
): string {
  const outcome = episode.outcome?.type ?? 'open';
  const reward = episode.reward ? ` (reward ${episode.reward.total.toFixed(2)})` : '';
  return joinReason([
    `${outcome}${reward}`,
    crossDomain ? `cross-domain (${episode.context.domain})` : breakdown.context > 0 && 'same context',
    describeSignals(breakdown),
    formatAge(episode.endedAt ?? episode.startedAt, nowMs),
  ]);
}

/**
 * The weighted mean of every signal except the outcome: how close an episode is to the task, whether it went
 * well or not. Warnings rank by it, so that the most similar failure comes first.
 */
export function similarityScore(breakdown: ScoreBreakdown, ranking: RankingConfig): number {
  const weightSum =
    ranking.relevanceWeight + ranking.contextWeight + ranking.recencyWeight + ranking.priorWeight;
  if (weightSum <= 0) return 0;
  return (
    (ranking.relevanceWeight * breakdown.fused +
      ranking.contextWeight * breakdown.context +
      ranking.recencyWeight * breakdown.recency +
      ranking.priorWeight * breakdown.prior) /
    weightSum
  );
}
