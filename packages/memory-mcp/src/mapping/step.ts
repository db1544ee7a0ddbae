import { boundedJsonObject, boundedText, LIMITS, ShortTextSchema, type StepInput } from '@slm/memory-core';
import { z } from 'zod';
import { episodeIdArgument } from '../tool-support/arguments.js';

const StepResultArgumentSchema = z.strictObject({
  type: z.enum(['success', 'error', 'timeout']).describe('How the tool call ended.'),
  output: boundedText(LIMITS.stepTextBytes).optional().describe('For success: the relevant output (short).'),
  message: boundedText(LIMITS.stepTextBytes).optional().describe('For error: the error message.'),
});

/** The arguments of add_episode_step, as the original named them. */
export const stepArguments = {
  episode_id: episodeIdArgument,
  step_number: z
    .number()
    .int()
    .min(1)
    .max(LIMITS.stepsPerEpisode)
    .describe('1 for the first step, then 2, 3, …; re-sending an identical step is a no-op.'),
  tool: ShortTextSchema.describe('The tool used, e.g. "bash", "read_file", "web_search".'),
  action: boundedText(LIMITS.stepTextBytes).describe('What you did and why, in one sentence.'),
  parameters: boundedJsonObject(LIMITS.stepParametersBytes)
    .optional()
    .describe('The tool arguments worth remembering (a JSON object).'),
  result: StepResultArgumentSchema.optional().describe('How the step ended.'),
  latency_ms: z
    .number()
    .min(0)
    .max(86_400_000)
    .optional()
    .describe('How long the step took, in milliseconds.'),
  tokens_used: z.number().int().min(0).optional().describe('Tokens the step used, if known.'),
};

export const StepArgumentsSchema = z.strictObject(stepArguments);
export type StepArguments = z.output<typeof StepArgumentsSchema>;

export function toStepInput(args: StepArguments): StepInput {
  return {
    stepNumber: args.step_number,
    tool: args.tool,
    action: args.action,
    parameters: args.parameters ?? {},
    ...(args.result === undefined ? {} : { result: toStepResult(args.result) }),
    latencyMs: args.latency_ms ?? 0,
    ...(args.tokens_used === undefined ? {} : { tokensUsed: args.tokens_used }),
  };
}

function toStepResult(result: z.output<typeof StepResultArgumentSchema>): NonNullable<StepInput['result']> {
  switch (result.type) {
    case 'success':
      return { type: 'success', ...(result.output === undefined ? {} : { output: result.output }) };
    case 'error':
      // An error without a message still says something: fall back to the output the caller gave.
      return { type: 'error', message: result.message ?? result.output ?? '' };
    case 'timeout':
      return { type: 'timeout' };
  }
}
