import type { Episode } from '../domain/episode.js';
import { type ExecutionStep, isFailedStep, isSuccessfulStep } from '../domain/step.js';

/** Step counts several learning rules share. A step without a result counts as neither success nor failure. */
export interface StepCounts {
  total: number;
  successful: number;
  failed: number;
  distinctTools: number;
}

export function countSteps(steps: readonly ExecutionStep[]): StepCounts {
  let successful = 0;
  let failed = 0;
  const tools = new Set<string>();
  for (const step of steps) {
    if (isSuccessfulStep(step)) successful++;
    else if (isFailedStep(step)) failed++;
    tools.add(step.tool);
  }
  return { total: steps.length, successful, failed, distinctTools: tools.size };
}

/** Seconds from start to end; undefined while the episode is open (its duration is not known yet). */
export function durationSeconds(episode: Episode): number | undefined {
  if (episode.endedAt === undefined) return undefined;
  const milliseconds = Date.parse(episode.endedAt) - Date.parse(episode.startedAt);
  return Number.isFinite(milliseconds) ? Math.max(0, milliseconds / 1_000) : undefined;
}

/** A failed step immediately followed by a successful one: the agent recovered. */
export function hasRecovery(steps: readonly ExecutionStep[]): boolean {
  for (let index = 1; index < steps.length; index++) {
    if (isFailedStep(steps[index - 1]!) && isSuccessfulStep(steps[index]!)) return true;
  }
  return false;
}

/** Steps in step-number order. Storage keeps them ordered, so this is a linear check that rarely sorts. */
export function orderedSteps(steps: readonly ExecutionStep[]): readonly ExecutionStep[] {
  for (let index = 1; index < steps.length; index++) {
    if (steps[index - 1]!.stepNumber > steps[index]!.stepNumber) {
      return [...steps].sort((left, right) => left.stepNumber - right.stepNumber);
    }
  }
  return steps;
}
