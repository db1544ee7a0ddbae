import type { Episode } from '../domain/episode.js';
import type { TaskOutcome } from '../domain/outcome.js';

const ABSTAINED_BASE = 0.3;
const EARLY_ABSTENTION_STEP = 3;
const LATE_ABSTENTION_STEP = 10;
const LONG_FAILURE_STEPS = 10;

/**
 * How much of the task succeeded: success 1, partial completed/(completed+failed) (0.5 when both are empty),
 * failure 0, abstention 0.3 (stopping is better than failing). An open episode has earned nothing yet.
 */
export function baseReward(outcome: TaskOutcome | undefined): number {
  switch (outcome?.type) {
    case 'success':
      return 1;
    case 'partial_success': {
      const total = outcome.completed.length + outcome.failed.length;
      return total === 0 ? 0.5 : outcome.completed.length / total;
    }
    case 'abstained':
      return ABSTAINED_BASE;
    default:
      return 0;
  }
}

/**
 * Rewards stopping early on an infeasible task and penalises stopping late or failing after many steps:
 * abstained at step ≤ 3 → +0.5, ≥ 10 → −0.3, linear in between; a failure after more than 10 steps → −0.2.
 */
export function abstentionAdjustment(episode: Episode): number {
  const outcome = episode.outcome;
  if (outcome?.type === 'abstained') {
    const stoppedAt = outcome.stoppedAtStep;
    if (stoppedAt <= EARLY_ABSTENTION_STEP) return 0.5;
    if (stoppedAt >= LATE_ABSTENTION_STEP) return -0.3;
    return 0.5 - (0.8 * (stoppedAt - EARLY_ABSTENTION_STEP)) / (LATE_ABSTENTION_STEP - EARLY_ABSTENTION_STEP);
  }
  if (outcome?.type === 'failure' && episode.steps.length > LONG_FAILURE_STEPS) return -0.2;
  return 0;
}
