import { z } from 'zod';
import { LIMITS } from '../domain/limits.js';
import { type ExecutionStep, type StepInput, StepInputSchema } from '../domain/step.js';
import { fastParseSteps } from '../domain/step-fast-parse.js';
import { MemoryError } from '../errors.js';
import { completedConflict, newStepsAgainst } from './open-episodes.js';
import type { LogStepsResult } from './results.js';
import { type MemoryScope, nowIso } from './runtime.js';
import { parseInput, requireId } from './validation.js';

const StepListSchema = z.array(StepInputSchema).min(1).max(LIMITS.stepsPerEpisode);

/**
 * Logs steps of an open episode. `durable`: resolves once the steps are committed (the store groups
 * concurrent writers into one commit). `batched`: checks them against what this process knows of the
 * episode, buffers them and resolves at once.
 */
export async function logSteps(
  scope: MemoryScope,
  episodeId: unknown,
  steps: readonly StepInput[],
): Promise<LogStepsResult> {
  const id = requireId(episodeId, 'episodeId');
  const at = nowIso(scope);
  // Both parsers return fresh objects, so the default timestamp can be filled in place.
  const parsed = (fastParseSteps(steps) ?? parseInput(StepListSchema, steps, 'steps')) as ExecutionStep[];
  for (const step of parsed) step.at ??= at;
  const { runtime, namespace } = scope;
  if (runtime.config.durability === 'durable') {
    const fresh = newStepsAgainst(NO_STEPS, parsed, id);
    const result = await runtime.storage.appendSteps(namespace, id, fresh);
    if (result.appended > 0) runtime.observer.stepsLogged?.(namespace, result.appended);
    return {
      accepted: result.appended,
      unchanged: result.unchanged + parsed.length - fresh.length,
      buffered: false,
    };
  }
  const openEpisodes = runtime.stepBuffer.openEpisodes;
  const state = openEpisodes.known(namespace, id) ?? (await openEpisodes.get(namespace, id));
  if (state.failure) throw state.failure;
  if (state.closing) throw completedConflict({ id });
  const fresh = newStepsAgainst(state.steps, parsed, id);
  if (state.steps.size + fresh.length > LIMITS.stepsPerEpisode) {
    throw new MemoryError('VALIDATION_FAILED', `episode ${id} would exceed ${LIMITS.stepsPerEpisode} steps`, {
      details: { episodeId: id, limit: LIMITS.stepsPerEpisode },
    });
  }
  for (const step of fresh) state.steps.set(step.stepNumber, step);
  runtime.stepBuffer.add(state, fresh);
  if (fresh.length > 0) runtime.observer.stepsLogged?.(namespace, fresh.length);
  return { accepted: fresh.length, unchanged: parsed.length - fresh.length, buffered: true };
}

const NO_STEPS: ReadonlyMap<number, ExecutionStep> = new Map();

export function logStep(scope: MemoryScope, episodeId: unknown, step: StepInput): Promise<LogStepsResult> {
  return logSteps(scope, episodeId, [step]);
}
