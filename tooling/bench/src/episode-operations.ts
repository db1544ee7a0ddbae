import type { SelfLearningMemory, StepInput } from '@slm/memory-core';
import { type Latency, type MeasureOptions, measure } from './measure.js';
import { steps, taskInput } from './workload.js';

/**
 * The three lifecycle calls an agent makes, timed one at a time on any memory: the in-memory and the libSQL
 * benchmarks share them so that their rows measure the same thing.
 */
export function measureStart(
  memory: SelfLearningMemory,
  next: () => number,
  options: MeasureOptions,
): Promise<Latency> {
  return measure(
    (input) => memory.startEpisode(input),
    () => taskInput(next),
    options,
  );
}

export async function measureLogStep(
  memory: SelfLearningMemory,
  next: () => number,
  options: MeasureOptions,
): Promise<Latency> {
  return measure(([id, step]) => memory.logStep(id, step), stepFeed(memory, next), options);
}

/** Only `completeEpisode` is timed; starting the episode and logging its steps are preparation. */
export function measureComplete(
  memory: SelfLearningMemory,
  next: () => number,
  stepCount: number,
  options: MeasureOptions,
): Promise<Latency> {
  return measure(
    (id) => memory.completeEpisode(id, { type: 'success', verdict: 'done', artifacts: ['src/a.ts'] }),
    async () => {
      const episode = await memory.startEpisode(taskInput(next));
      await memory.logSteps(episode.id, steps(stepCount, next));
      return episode.id;
    },
    options,
  );
}

/** Hands out (episode id, next step) pairs, starting a new episode (untimed) before one would pass 900 steps. */
function stepFeed(memory: SelfLearningMemory, next: () => number) {
  const perEpisode = 900;
  let episodeId = '';
  let stepNumber = perEpisode;
  return async (): Promise<[string, StepInput]> => {
    if (stepNumber >= perEpisode) {
      episodeId = (await memory.startEpisode(taskInput(next))).id;
      stepNumber = 0;
    }
    stepNumber++;
    return [episodeId, steps(1, next, stepNumber)[0]!];
  };
}
