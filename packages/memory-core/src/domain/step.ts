import { z } from 'zod';
import { LIMITS } from './limits.js';
import {
  boundedJsonObject,
  boundedText,
  MetadataSchema,
  ShortTextSchema,
  TimestampSchema,
} from './primitives.js';

export const StepResultSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('success'), output: boundedText(LIMITS.stepTextBytes).optional() }),
  z.object({ type: z.literal('error'), message: boundedText(LIMITS.stepTextBytes) }),
  z.object({ type: z.literal('timeout') }),
]);
export type StepResult = z.infer<typeof StepResultSchema>;

/** One tool call inside an episode. `stepNumber` is 1-based and unique within the episode. */
export const ExecutionStepSchema = z.object({
  stepNumber: z.number().int().min(1).max(LIMITS.stepsPerEpisode),
  at: TimestampSchema,
  tool: ShortTextSchema,
  action: boundedText(LIMITS.stepTextBytes),
  parameters: boundedJsonObject(LIMITS.stepParametersBytes).default({}),
  result: StepResultSchema.optional(),
  latencyMs: z.number().min(0).max(86_400_000).default(0),
  tokensUsed: z.number().int().min(0).optional(),
  metadata: MetadataSchema.default({}),
});
export type ExecutionStep = z.infer<typeof ExecutionStepSchema>;

/** What a caller passes to `logStep`: `at` defaults to now. */
export const StepInputSchema = ExecutionStepSchema.extend({ at: TimestampSchema.optional() });
export type StepInput = z.input<typeof StepInputSchema>;

export function isSuccessfulStep(step: ExecutionStep): boolean {
  return step.result?.type === 'success';
}

export function isFailedStep(step: ExecutionStep): boolean {
  return step.result?.type === 'error' || step.result?.type === 'timeout';
}

/** Two steps are the same when every field but the log time matches (a retried log is a no-op). */
export function sameStepContent(left: ExecutionStep, right: ExecutionStep): boolean {
  return stepFingerprint(left) === stepFingerprint(right);
}

export function stepFingerprint(step: ExecutionStep): string {
  return JSON.stringify([
    step.stepNumber,
    step.tool,
    step.action,
    step.parameters,
    step.result ?? null,
    step.latencyMs,
    step.tokensUsed ?? null,
    step.metadata,
  ]);
}
