import type { Episode } from '../domain/episode.js';
import type { SalientFeatures } from '../domain/learning-records.js';
import { criticalDecisions } from './critical-decisions.js';
import { keyInsights } from './key-insights.js';
import { errorRecoveries, toolCombinations } from './step-features.js';
import { orderedSteps } from './step-stats.js';

/**
 * The parts of an episode worth remembering (domain.md, Salient features): critical decisions, tool
 * combinations (runs of ≥ 2 consecutive successful steps), error → recovery pairs and key insights. Every list
 * is bounded (≤ 10 items, each a few hundred characters). Works on open episodes too.
 */
export function extractSalientFeatures(episode: Episode): SalientFeatures {
  const steps = orderedSteps(episode.steps);
  const recoveries = errorRecoveries(steps);
  return {
    criticalDecisions: criticalDecisions(steps),
    toolCombinations: toolCombinations(steps),
    errorRecoveries: recoveries,
    keyInsights: keyInsights(episode, recoveries),
  };
}
