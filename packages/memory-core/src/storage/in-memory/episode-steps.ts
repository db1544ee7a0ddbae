import { LIMITS } from '../../domain/limits.js';
import { type ExecutionStep, stepFingerprint } from '../../domain/step.js';
import { conflict, invalid } from './failures.js';

/**
 * The steps of an append that are not stored yet. Identical content is a retry (skipped); different content
 * for a known step number — stored or earlier in the same call — fails the whole call before anything is written.
 */
export function newSteps(
  stored: readonly ExecutionStep[],
  steps: readonly ExecutionStep[],
  episodeId: string,
): ExecutionStep[] {
  const seen = new Map<number, ExecutionStep>();
  const fresh: ExecutionStep[] = [];
  for (const step of steps) {
    // Fingerprints are computed only when a step number collides: the common append pays nothing for them.
    const known = findStep(stored, step.stepNumber) ?? seen.get(step.stepNumber);
    if (known === undefined) {
      seen.set(step.stepNumber, step);
      fresh.push(step);
    } else if (stepFingerprint(known) !== stepFingerprint(step)) {
      throw conflict(
        `step ${step.stepNumber} of episode ${episodeId} was already logged with different content`,
        {
          episodeId,
          stepNumber: step.stepNumber,
        },
      );
    }
  }
  return fresh;
}

/** Binary search over steps sorted by number. */
function findStep(steps: readonly ExecutionStep[], stepNumber: number): ExecutionStep | undefined {
  let low = 0;
  let high = steps.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const candidate = steps[middle]!;
    if (candidate.stepNumber === stepNumber) return candidate;
    if (candidate.stepNumber < stepNumber) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}

/** Keeps steps sorted by number; steps almost always arrive in order, which makes this a push. */
export function insertStep(steps: ExecutionStep[], step: ExecutionStep): void {
  let index = steps.length;
  while (index > 0 && steps[index - 1]!.stepNumber > step.stepNumber) index--;
  steps.splice(index, 0, step);
}

/** An inserted or imported episode's steps in order; duplicate numbers or too many steps are refused. */
export function sortedDistinctSteps(steps: ExecutionStep[], episodeId: string): ExecutionStep[] {
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
