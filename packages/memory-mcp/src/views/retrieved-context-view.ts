import type { RankedEpisode, RankedHeuristic, RetrievedContext } from '@slm/memory-core';
import { episodeSummary } from './episode-summary.js';
import { rankedPatternView, round } from './pattern-view.js';

/** What query_memory returns: ranked summaries instead of whole episodes with their steps. */
export function retrievedContextView(context: RetrievedContext) {
  return {
    episodes: context.episodes.map(rankedEpisodeView),
    patterns: context.patterns.map(rankedPatternView),
    heuristics: context.heuristics.map(rankedHeuristicView),
    playbook: context.playbook,
    warnings: context.warnings,
    explanation: context.explanation,
    budget: context.budget ?? null,
  };
}

function rankedEpisodeView(ranked: RankedEpisode) {
  const { reflection } = ranked.episode;
  return {
    ...episodeSummary(ranked.episode),
    tools: [...new Set(ranked.episode.steps.map((step) => step.tool))].slice(0, 20),
    lessons: reflection ? [...reflection.insights, ...reflection.improvements].slice(0, 5) : [],
    score: round(ranked.score),
    reason: ranked.reason,
    crossDomain: ranked.crossDomain,
  };
}

function rankedHeuristicView(ranked: RankedHeuristic) {
  const { heuristic } = ranked;
  return {
    id: heuristic.id,
    condition: heuristic.condition,
    action: heuristic.action,
    domain: heuristic.domain,
    confidence: round(heuristic.confidence),
    evidence: heuristic.evidence.total,
    score: round(ranked.score),
    reason: ranked.reason,
  };
}
