import { z } from 'zod';
import { LIMITS } from './limits.js';
import { boundedText, ShortTextSchema } from './primitives.js';

const reasonText = boundedText(LIMITS.stepTextBytes);
const items = z.array(boundedText(1_000)).max(LIMITS.listItems);

export const TaskOutcomeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('success'), verdict: reasonText.default(''), artifacts: items.default([]) }),
  z.object({
    type: z.literal('partial_success'),
    verdict: reasonText.default(''),
    completed: items.default([]),
    failed: items.default([]),
  }),
  z.object({
    type: z.literal('failure'),
    reason: reasonText.default(''),
    errorDetails: reasonText.optional(),
  }),
  z.object({
    type: z.literal('abstained'),
    reason: reasonText.default(''),
    stoppedAtStep: z.number().int().min(0).default(0),
    infeasibilitySignals: z.array(ShortTextSchema).max(LIMITS.listItems).default([]),
  }),
]);
export type TaskOutcome = z.infer<typeof TaskOutcomeSchema>;
export type TaskOutcomeInput = z.input<typeof TaskOutcomeSchema>;
export type OutcomeType = TaskOutcome['type'];
export const OUTCOME_TYPES = [
  'success',
  'partial_success',
  'failure',
  'abstained',
] as const satisfies readonly OutcomeType[];

/**
 * How much of the task succeeded, in [0, 1]: success 1, partial completed/(completed+failed) (0.5 when both are
 * empty), failure and abstention 0. Pattern statistics count successes with this value.
 */
export function outcomeSuccessValue(outcome: TaskOutcome): number {
  switch (outcome.type) {
    case 'success':
      return 1;
    case 'partial_success': {
      const total = outcome.completed.length + outcome.failed.length;
      return total === 0 ? 0.5 : outcome.completed.length / total;
    }
    case 'failure':
    case 'abstained':
      return 0;
  }
}

/** Two outcomes are the same completion when their content is equal (used for idempotent completion). */
export function sameOutcome(left: TaskOutcome, right: TaskOutcome): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}
