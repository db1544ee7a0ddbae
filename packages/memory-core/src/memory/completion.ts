import type { Episode } from '../domain/episode.js';
import { uuidv7 } from '../domain/ids.js';
import {
  sameOutcome,
  type TaskOutcome,
  type TaskOutcomeInput,
  TaskOutcomeSchema,
} from '../domain/outcome.js';
import type { PatternContribution } from '../domain/pattern.js';
import { MemoryError } from '../errors.js';
import { extractPatterns } from '../learning/patterns/index.js';
import { assessQuality } from '../learning/quality.js';
import { computeReward } from '../learning/reward.js';
import { extractSalientFeatures } from '../learning/salient-features.js';
import { learnFromEpisode } from './learning-run.js';
import { type MemoryScope, nowIso } from './runtime.js';
import { notFound, parseInput, requireId } from './validation.js';

const MAX_COMPLETION_ATTEMPTS = 3;

/**
 * Completes an episode: flush its buffered steps → salient features → reward → reflection → patterns
 * extracted → quality (after reflection, so it is reachable) → persist → learn (embed, merge patterns and
 * heuristics, update the procedure prior). The episode is durable before learning starts; a learning failure
 * is logged, counted and recorded on the episode, which `relearn` can retry.
 */
export async function completeEpisode(
  scope: MemoryScope,
  episodeId: unknown,
  outcomeInput: TaskOutcomeInput,
): Promise<Episode> {
  const id = requireId(episodeId, 'episodeId');
  const outcome = parseInput(TaskOutcomeSchema, outcomeInput, 'outcome');
  const { runtime, namespace } = scope;
  const startedMs = runtime.clock.now();
  await flushBeforeCompletion(scope, id);
  for (let attempt = 1; ; attempt++) {
    const current = await runtime.storage.getEpisode(namespace, id);
    if (!current) throw notFound('episode', id);
    if (current.endedAt !== undefined) return alreadyCompleted(current, outcome);
    const { episode: completed, contributions } = await assessCompletion(scope, current, outcome);
    let stored: Episode;
    try {
      stored = await runtime.storage.completeEpisode(completed, current.version);
    } catch (error) {
      // A step or another completion raced this one: re-read and decide again.
      if ((error as { code?: string }).code === 'CONFLICT' && attempt < MAX_COMPLETION_ATTEMPTS) continue;
      throw error;
    }
    runtime.stepBuffer.openEpisodes.forget(namespace, id);
    const learned = await learnFromEpisode(scope, stored, contributions);
    runtime.observer.episodeCompleted?.(namespace, runtime.clock.now() - startedMs);
    return learned;
  }
}

async function flushBeforeCompletion(scope: MemoryScope, id: string): Promise<void> {
  const { runtime, namespace } = scope;
  if (runtime.config.durability !== 'batched') return;
  const state = await runtime.stepBuffer.openEpisodes.get(namespace, id).catch(() => undefined);
  if (state?.failure) throw state.failure;
  if (state) state.closing = true;
  try {
    await runtime.stepBuffer.flushEpisode(namespace, id);
  } catch (error) {
    if (state) state.closing = false;
    throw error;
  }
}

function alreadyCompleted(episode: Episode, outcome: TaskOutcome): Episode {
  if (episode.outcome && sameOutcome(episode.outcome, outcome)) return episode;
  throw new MemoryError(
    'CONFLICT',
    `episode ${episode.id} was already completed with a different outcome (${episode.outcome?.type ?? 'unknown'})`,
    { details: { episodeId: episode.id, storedOutcome: episode.outcome?.type } },
  );
}

/** Everything computed at completion, before anything is written. */
async function assessCompletion(
  scope: MemoryScope,
  episode: Episode,
  outcome: TaskOutcome,
): Promise<{ episode: Episode; contributions: PatternContribution[] }> {
  const { runtime } = scope;
  const endedAt = nowIso(scope);
  const ended: Episode = { ...episode, endedAt, outcome };
  const salientFeatures = extractSalientFeatures(ended);
  const reward = computeReward(ended);
  const reflection = await runtime.reflector.reflect({ ...ended, reward, salientFeatures }, salientFeatures);
  const withReflection: Episode = { ...ended, salientFeatures, reward, reflection };
  const contributions = extractPatterns(withReflection, {
    newId: () => uuidv7(runtime.clock.now()),
    at: endedAt,
  });
  const quality = assessQuality(withReflection, contributions);
  return { episode: { ...withReflection, quality, learning: { status: 'pending' } }, contributions };
}

/** Runs the learning pipeline again for a completed episode. Merges are idempotent per episode. */
export async function relearn(scope: MemoryScope, episodeId: unknown): Promise<Episode> {
  const id = requireId(episodeId, 'episodeId');
  const episode = await scope.runtime.storage.getEpisode(scope.namespace, id);
  if (!episode) throw notFound('episode', id);
  if (episode.endedAt === undefined) {
    throw new MemoryError('CONFLICT', `episode ${id} is still open: complete it before re-learning`, {
      details: { episodeId: id },
    });
  }
  return learnFromEpisode(scope, episode);
}
