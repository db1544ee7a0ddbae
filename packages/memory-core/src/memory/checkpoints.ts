import type { Checkpoint } from '../domain/checkpoint.js';
import type { Episode } from '../domain/episode.js';
import type { HandoffPack, HandoffStepSummary } from '../domain/handoff.js';
import { uuidv7 } from '../domain/ids.js';
import { type ExecutionStep, isFailedStep, isSuccessfulStep } from '../domain/step.js';
import { MemoryError } from '../errors.js';
import { extractSalientFeatures } from '../learning/salient-features.js';
import { changeEpisode, loadEpisode, startEpisode } from './episodes.js';
import {
  type CheckpointInput,
  CheckpointInputSchema,
  type ResumeFromHandoffInput,
  ResumeFromHandoffInputSchema,
} from './inputs.js';
import { addRelationship } from './relationships.js';
import { findRelevantKnowledge } from './relevant-knowledge.js';
import { type MemoryScope, nowIso } from './runtime.js';
import { notFound, parseInput, requireId } from './validation.js';

const MAX_CHECKPOINTS = 100;
const HANDOFF_STEPS = 20;

/** Marks progress inside an open episode (buffered steps are flushed first so the step number is real). */
export async function checkpointEpisode(
  scope: MemoryScope,
  episodeId: unknown,
  input: CheckpointInput,
): Promise<Checkpoint> {
  const id = requireId(episodeId, 'episodeId');
  const parsed = parseInput(CheckpointInputSchema, input, 'checkpoint');
  await scope.runtime.stepBuffer.flushEpisode(scope.namespace, id);
  const checkpointId = uuidv7(scope.runtime.clock.now());
  const createdAt = nowIso(scope);
  const updated = await changeEpisode(scope, id, (episode) => {
    if (episode.endedAt !== undefined) {
      throw new MemoryError(
        'CONFLICT',
        `episode ${id} is completed: checkpoints mark progress of open episodes`,
        {
          details: { episodeId: id },
        },
      );
    }
    if (episode.checkpoints.length >= MAX_CHECKPOINTS) {
      throw new MemoryError('VALIDATION_FAILED', `episode ${id} already has ${MAX_CHECKPOINTS} checkpoints`, {
        details: { episodeId: id, limit: MAX_CHECKPOINTS },
      });
    }
    const checkpoint: Checkpoint = {
      id: checkpointId,
      episodeId: id,
      stepNumber: episode.steps.reduce((highest, step) => Math.max(highest, step.stepNumber), 0),
      reason: parsed.reason,
      ...(parsed.note === undefined ? {} : { note: parsed.note }),
      createdAt,
    };
    return { ...episode, checkpoints: [...episode.checkpoints, checkpoint] };
  });
  return updated.checkpoints.find((checkpoint) => checkpoint.id === checkpointId)!;
}

/** Everything a fresh agent needs to continue from a checkpoint. */
export async function getHandoffPack(scope: MemoryScope, checkpointId: unknown): Promise<HandoffPack> {
  const id = requireId(checkpointId, 'checkpointId');
  const holder = await scope.runtime.storage.findEpisodeByCheckpoint(scope.namespace, id);
  if (!holder) throw notFound('checkpoint', id);
  const episode = await loadEpisode(scope, holder.id);
  const checkpoint = episode.checkpoints.find((candidate) => candidate.id === id)!;
  const steps = episode.steps.filter((step) => step.stepNumber <= checkpoint.stepNumber);
  const features = extractSalientFeatures({ ...episode, steps });
  const knowledge = await findRelevantKnowledge(scope, episode);
  return {
    checkpointId: id,
    episodeId: episode.id,
    namespace: episode.namespace,
    goal: episode.taskDescription,
    taskType: episode.taskType,
    context: episode.context,
    checkpointReason: checkpoint.reason,
    ...(checkpoint.note === undefined ? {} : { note: checkpoint.note }),
    stepsSoFar: steps.slice(-HANDOFF_STEPS).map(summariseStep),
    totalSteps: steps.length,
    whatWorked: steps
      .filter(isSuccessfulStep)
      .slice(-10)
      .map((step) => `${step.tool}: ${step.action}`),
    whatFailed: steps.filter(isFailedStep).slice(-10).map(describeFailure),
    salientFacts: [...features.criticalDecisions, ...features.keyInsights].slice(0, 10),
    suggestedNextSteps: suggestNextSteps(steps, knowledge.nextTools),
    relevantPatterns: knowledge.patterns,
    relevantHeuristics: knowledge.heuristics,
    createdAt: nowIso(scope),
  };
}

/** Starts a new episode that continues a checkpoint's work, linked to the original by `follows`. */
export async function resumeFromHandoff(scope: MemoryScope, input: ResumeFromHandoffInput): Promise<Episode> {
  const parsed = parseInput(ResumeFromHandoffInputSchema, input, 'handoff resume');
  const pack = await getHandoffPack(scope, parsed.checkpointId);
  const episode = await startEpisode(scope, {
    taskDescription: parsed.taskDescription ?? pack.goal,
    taskType: pack.taskType,
    context: pack.context,
    labels: parsed.labels ?? [],
    metadata: {
      ...parsed.metadata,
      resumedFromEpisode: pack.episodeId,
      resumedFromCheckpoint: pack.checkpointId,
    },
  });
  await addRelationship(scope, {
    fromEpisodeId: episode.id,
    toEpisodeId: pack.episodeId,
    type: 'follows',
    reason: `resumed from checkpoint ${pack.checkpointId}: ${pack.checkpointReason}`.slice(0, 1_000),
    createdBy: 'handoff',
  });
  return episode;
}

function summariseStep(step: ExecutionStep): HandoffStepSummary {
  return {
    stepNumber: step.stepNumber,
    tool: step.tool,
    action: step.action,
    result: step.result?.type ?? 'none',
  };
}

function describeFailure(step: ExecutionStep): string {
  const detail = step.result?.type === 'error' ? step.result.message : 'timed out';
  return `${step.tool}: ${step.action} — ${detail}`.slice(0, 500);
}

function suggestNextSteps(steps: readonly ExecutionStep[], nextTools: readonly string[]): string[] {
  const suggestions: string[] = [];
  const last = steps.at(-1);
  if (last && isFailedStep(last)) suggestions.push(`Resolve the failure of ${last.tool} before continuing`);
  for (const tool of nextTools) suggestions.push(`Use ${tool}`);
  return suggestions.slice(0, 5);
}
