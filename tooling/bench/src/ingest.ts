import type { SelfLearningMemory } from '@slm/memory-core';
import { outcome, steps, taskInput } from './workload.js';

/**
 * Fills a memory the way an agent does: start, 5–14 steps, complete (the whole learning pipeline per
 * episode). Returns the seconds it took.
 */
export async function ingestThroughPipeline(
  memory: SelfLearningMemory,
  count: number,
  next: () => number,
): Promise<number> {
  const started = performance.now();
  for (let index = 0; index < count; index++) {
    const episode = await memory.startEpisode(taskInput(next));
    await memory.logSteps(episode.id, steps(5 + Math.floor(next() * 10), next));
    await memory.completeEpisode(episode.id, outcome(next));
  }
  return (performance.now() - started) / 1_000;
}
