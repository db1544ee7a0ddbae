import { boundedText, LIMITS, OUTCOME_TYPES, type TaskOutcomeInput } from '@slm/memory-core';
import { z } from 'zod';

const items = z.array(boundedText(1_000)).max(LIMITS.listItems);

/** The outcome arguments of complete_episode (the original's flat shape). */
export const outcomeArguments = {
  outcome_type: z
    .enum(OUTCOME_TYPES)
    .describe(
      'success: done and verified; partial_success: some parts done; failure: could not do it; ' +
        'abstained: stopped on purpose (e.g. the task was infeasible or unsafe).',
    ),
  verdict: boundedText(LIMITS.stepTextBytes)
    .optional()
    .describe('For success or partial_success: what was achieved and how it was checked.'),
  artifacts: items.optional().describe('For success: files, commits or URLs produced.'),
  completed: items.optional().describe('For partial_success: the parts that were done.'),
  failed: items.optional().describe('For partial_success: the parts that were not done.'),
  reason: boundedText(LIMITS.stepTextBytes)
    .optional()
    .describe('For failure or abstained: why it failed or why you stopped.'),
  error_details: boundedText(LIMITS.stepTextBytes)
    .optional()
    .describe('For failure: the error message or stack excerpt.'),
};

export const OutcomeObjectSchema = z.strictObject(outcomeArguments);
export type OutcomeArguments = z.output<typeof OutcomeObjectSchema>;

/**
 * The core outcome for the flat arguments. `verdict` and `reason` stand in for each other so that a caller
 * who explains a failure with `verdict` is not refused; fields of other outcome types are ignored.
 */
export function toTaskOutcome(args: OutcomeArguments): TaskOutcomeInput {
  const explanation = args.verdict ?? args.reason ?? '';
  const why = args.reason ?? args.verdict ?? '';
  switch (args.outcome_type) {
    case 'success':
      return { type: 'success', verdict: explanation, artifacts: args.artifacts ?? [] };
    case 'partial_success':
      return {
        type: 'partial_success',
        verdict: explanation,
        completed: args.completed ?? [],
        failed: args.failed ?? [],
      };
    case 'failure':
      return {
        type: 'failure',
        reason: why,
        ...(args.error_details === undefined ? {} : { errorDetails: args.error_details }),
      };
    case 'abstained':
      return { type: 'abstained', reason: why };
  }
}
