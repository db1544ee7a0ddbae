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
  return measure(([id, step]) => memory.logStep(id, step), await stepFeed(memory, next), options);
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

/** Hands out (episode id, next step) pairs, starting a new episode before one would pass 1,000 steps. */
async function stepFeed(memory: SelfLearningMemory, next: () => number) {
  const perEpisode = 900;
  const episodes: string[] = [];
  for (let index = 0; index < 20; index++) episodes.push((await memory.startEpisode(taskInput(next))).id);
  const counts = new Map<string, number>();
  let current = 0;
  return (): [string, StepInput] => {
    let id = episodes[current]!;
    if ((counts.get(id) ?? 0) >= perEpisode) id = episodes[++current]!;
    const stepNumber = (counts.get(id) ?? 0) + 1;
    counts.set(id, stepNumber);
    return [id, steps(1, next, stepNumber)[0]!];
  };
}
