import { type ExecutionStep, isSuccessfulStep } from '../../domain/step.js';
import { stepErrorClass } from './error-class.js';
import type { PatternObservation } from './observation.js';

const MAX_RECOVERY_STEPS = 3;

/**
 * Error recoveries: a failed step (error or timeout) followed by successful steps. The error type is the
 * normalised class of the failure, so that the same error merges across episodes; the recovery is the tools of
 * the successful steps that follow (up to 3, immediate repeats collapsed). Success is the episode's outcome.
 */
export function errorRecoveryObservations(
  steps: readonly ExecutionStep[],
  outcomeSuccess: number,
): PatternObservation[] {
  const observations: PatternObservation[] = [];
  for (let index = 0; index < steps.length - 1; index++) {
    if (!isSuccessfulStep(steps[index + 1]!)) continue;
    const errorType = stepErrorClass(steps[index]!);
    if (errorType === undefined) continue;
    observations.push({
      content: { type: 'error_recovery', errorType, recoverySteps: recoveryTools(steps, index + 1) },
      success: outcomeSuccess,
      latencyMs: 0,
    });
  }
  return observations;
}

function recoveryTools(steps: readonly ExecutionStep[], from: number): string[] {
  const tools: string[] = [];
  for (let index = from; index < steps.length && tools.length < MAX_RECOVERY_STEPS; index++) {
    const step = steps[index]!;
    if (!isSuccessfulStep(step)) break;
    if (tools.at(-1) !== step.tool) tools.push(step.tool);
  }
  return tools;
}
