import type { Episode } from '../../domain/episode.js';
import { outcomeSuccessValue } from '../../domain/outcome.js';
import type { PatternContribution } from '../../domain/pattern.js';
import { orderedSteps } from '../step-stats.js';
import { contextPatternObservations } from './context-patterns.js';
import { type ExtractionOptions, toContributions } from './contributions.js';
import { decisionPointObservations } from './decision-points.js';
import { errorRecoveryObservations } from './error-recoveries.js';
import { toolSequenceObservations } from './tool-sequences.js';

export { type ExtractionOptions, MAX_CONTRIBUTIONS_PER_TYPE } from './contributions.js';
export { errorClass, stepErrorClass } from './error-class.js';
export { findNearDuplicate } from './near-duplicate.js';
export { normalizeText } from './normalize-text.js';
export { patternSimilarity } from './pattern-similarity.js';
export { patternSimilarityKey } from './similarity-key.js';

/**
 * What a completed episode contributes to the namespace's patterns: tool sequences, decision points, error
 * recoveries and its context pattern, each counted against the episode's outcome (a failure is evidence too).
 * One contribution per similarity key; open episodes (no outcome) contribute nothing. Pure and linear in the
 * number of steps.
 */
export function extractPatterns(episode: Episode, options: ExtractionOptions): PatternContribution[] {
  if (episode.outcome === undefined) return [];
  const outcomeSuccess = outcomeSuccessValue(episode.outcome);
  const steps = orderedSteps(episode.steps);
  return toContributions(
    episode,
    [
      ...toolSequenceObservations(steps, outcomeSuccess),
      ...decisionPointObservations(steps, outcomeSuccess),
      ...errorRecoveryObservations(steps, outcomeSuccess),
      ...contextPatternObservations(episode, steps, outcomeSuccess),
    ],
    options,
  );
}
