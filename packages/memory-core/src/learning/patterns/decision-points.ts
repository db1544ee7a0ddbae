import { type ExecutionStep, isFailedStep, isSuccessfulStep } from '../../domain/step.js';
import { isDecisionAction } from '../decision-action.js';
import { displayText } from '../display-text.js';
import type { PatternObservation } from './observation.js';

const MAX_CONDITION_CHARS = 200;

/**
 * Decision points: steps whose action is a decision (see `isDecisionAction`). The condition is the action, the
 * pattern's action is the tool that carried it out, and the step's own result is the outcome (1 success,
 * 0 error or timeout); a step logged without a result falls back to the episode's outcome value.
 */
export function decisionPointObservations(
  steps: readonly ExecutionStep[],
  outcomeSuccess: number,
): PatternObservation[] {
  const observations: PatternObservation[] = [];
  for (const step of steps) {
    if (!isDecisionAction(step.action)) continue;
    const success = isSuccessfulStep(step) ? 1 : isFailedStep(step) ? 0 : outcomeSuccess;
    observations.push({
      content: {
        type: 'decision_point',
        condition: displayText(step.action, MAX_CONDITION_CHARS),
        action: `Use ${step.tool}`,
      },
      success,
      latencyMs: 0,
    });
  }
  return observations;
}
