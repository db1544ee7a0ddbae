import { createMemory, type MemoryConfigInput, type SelfLearningMemory } from '@slm/memory-core';
import { createInMemoryStorage } from '@slm/memory-core/testing';
import type { EvalEpisode } from '../benchmark/types.js';

/** The ranking knobs one evaluation run sets (ablations switch signals off here, nowhere else). */
export type RankingOverrides = NonNullable<MemoryConfigInput['ranking']>;

/** A fresh memory over the in-memory backend, configured only through the public config object. */
export function createEvalMemory(ranking: RankingOverrides = {}): Promise<SelfLearningMemory> {
  return createMemory({ storage: createInMemoryStorage(), config: { ranking } });
}

/** Which stored episode (by memory id) is which dataset record. */
export type StoredEpisodes = Map<string, EvalEpisode>;

/**
 * Ingests episodes through the lifecycle an agent uses — start, log steps, complete — so that everything the
 * memory learns (patterns, reflections, the procedure prior) comes from its public API.
 */
export async function ingestEpisodes(
  memory: SelfLearningMemory,
  episodes: readonly EvalEpisode[],
  onProgress: (done: number) => void = () => {},
): Promise<StoredEpisodes> {
  const stored: StoredEpisodes = new Map();
  for (const [index, item] of episodes.entries()) {
    const episode = await memory.startEpisode(item.start);
    if (item.steps.length > 0) await memory.logSteps(episode.id, item.steps);
    await memory.completeEpisode(episode.id, item.outcome);
    stored.set(episode.id, item);
    if ((index + 1) % 100 === 0) onProgress(index + 1);
  }
  return stored;
}
