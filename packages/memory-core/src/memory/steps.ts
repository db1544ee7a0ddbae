import { z } from 'zod';
import { LIMITS } from '../domain/limits.js';
import { type ExecutionStep, type StepInput, StepInputSchema } from '../domain/step.js';
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
  const parsed: ExecutionStep[] = parseInput(StepListSchema, steps, 'steps').map((step) => ({
    ...step,
    at: step.at ?? at,
  }));
  const { runtime, namespace } = scope;
  if (runtime.config.durability === 'durable') {
    const fresh = newStepsAgainst(new Map(), parsed, id).map(({ step }) => step);
    const result = await runtime.storage.appendSteps(namespace, id, fresh);
    if (result.appended > 0) runtime.observer.stepsLogged?.(namespace, result.appended);
    return {
      accepted: result.appended,
      unchanged: result.unchanged + parsed.length - fresh.length,
      buffered: false,
    };
  }
  const state = await runtime.stepBuffer.openEpisodes.get(namespace, id);
  if (state.failure) throw state.failure;
  if (state.closing) throw completedConflict({ id });
  const fresh = newStepsAgainst(state.fingerprints, parsed, id);
  if (state.fingerprints.size + fresh.length > LIMITS.stepsPerEpisode) {
    throw new MemoryError('VALIDATION_FAILED', `episode ${id} would exceed ${LIMITS.stepsPerEpisode} steps`, {
      details: { episodeId: id, limit: LIMITS.stepsPerEpisode },
    });
  }
  for (const { step, fingerprint } of fresh) state.fingerprints.set(step.stepNumber, fingerprint);
  runtime.stepBuffer.add(
    state,
    fresh.map(({ step }) => step),
  );
  if (fresh.length > 0) runtime.observer.stepsLogged?.(namespace, fresh.length);
  return { accepted: fresh.length, unchanged: parsed.length - fresh.length, buffered: true };
}

export function logStep(scope: MemoryScope, episodeId: unknown, step: StepInput): Promise<LogStepsResult> {
  return logSteps(scope, episodeId, [step]);
}
