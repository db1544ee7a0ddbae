import { type ExecutionStep, LIMITS } from '@slm/memory-core';
import { invalid } from '../failures.js';

/** An inserted or imported episode's steps in order; duplicate numbers or too many steps are refused. */
export function sortedDistinctSteps(steps: readonly ExecutionStep[], episodeId: string): ExecutionStep[] {
  if (steps.length > LIMITS.stepsPerEpisode) {
    throw invalid(`episode ${episodeId} has more than ${LIMITS.stepsPerEpisode} steps`, { episodeId });
  }
  const sorted = [...steps].sort((left, right) => left.stepNumber - right.stepNumber);
  for (let index = 1; index < sorted.length; index++) {
    if (sorted[index]!.stepNumber === sorted[index - 1]!.stepNumber) {
      throw invalid(`episode ${episodeId} has two steps numbered ${sorted[index]!.stepNumber}`, {
        episodeId,
      });
    }
  }
  return sorted;
}
