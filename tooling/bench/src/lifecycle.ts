import {
  createMemory,
  type Episode,
  EpisodeSchema,
  extractPatterns,
  type SelfLearningMemory,
} from '@slm/memory-core';
import { createInMemoryStorage } from '@slm/memory-core/testing';
import { type Latency, measure } from './measure.js';
import { random, steps, taskInput } from './workload.js';

export interface LifecycleResults {
  start: Latency;
  logStepBatched: Latency;
  logStepDurable: Latency;
  complete20: Latency;
  extract50: Latency;
}

const OPTIONS = { iterations: 2_000, warmup: 500, runs: 5 };

/** The episode lifecycle on the in-memory backend, one operation at a time. */
export async function benchLifecycle(): Promise<LifecycleResults> {
  const next = random(1);
  const durable = await createMemory({ storage: createInMemoryStorage() });
  const batched = await createMemory({
    storage: createInMemoryStorage(),
    config: { durability: 'batched', batch: { maxBatchSize: 50, flushIntervalMs: 5_000, autoFlush: true } },
  });

  const start = await measure(
    (input) => durable.startEpisode(input),
    () => taskInput(next),
    OPTIONS,
  );
  const logStepBatched = await measure(
    ([id, step]) => batched.logStep(id, step),
    await stepFeed(batched, next),
    OPTIONS,
  );
  const logStepDurable = await measure(
    ([id, step]) => durable.logStep(id, step),
    await stepFeed(durable, next),
    OPTIONS,
  );
  const complete20 = await measure(
    (id) => durable.completeEpisode(id, { type: 'success', verdict: 'done', artifacts: ['src/a.ts'] }),
    async () => {
      const episode = await durable.startEpisode(taskInput(next));
      await durable.logSteps(episode.id, steps(20, next));
      return episode.id;
    },
    { iterations: 500, warmup: 100, runs: 5 },
  );
  const extract50 = await measure(
    (episode) => extractPatterns(episode, { newId: () => 'x', at: episode.endedAt! }),
    () => completedEpisode(next, 50),
    OPTIONS,
  );
  await batched.close();
  await durable.close();
  return { start, logStepBatched, logStepDurable, complete20, extract50 };
}

/** Hands out (episode id, next step) pairs, starting a new episode before one would pass 1,000 steps. */
async function stepFeed(memory: SelfLearningMemory, next: () => number) {
  const perEpisode = 900;
  const episodes: string[] = [];
  for (let index = 0; index < 20; index++) episodes.push((await memory.startEpisode(taskInput(next))).id);
  const counts = new Map<string, number>();
  let current = 0;
  return (): [string, ReturnType<typeof steps>[number]] => {
    let id = episodes[current]!;
    if ((counts.get(id) ?? 0) >= perEpisode) id = episodes[++current]!;
    const stepNumber = (counts.get(id) ?? 0) + 1;
    counts.set(id, stepNumber);
    return [id, steps(1, next, stepNumber)[0]!];
  };
}

function completedEpisode(next: () => number, stepCount: number): Episode {
  const input = taskInput(next);
  const startedAt = new Date(Date.now() - 60_000).toISOString();
  return EpisodeSchema.parse({
    id: '0190e4a0-0000-7000-8000-000000000001',
    namespace: 'default',
    taskDescription: input.taskDescription,
    taskType: input.taskType,
    context: input.context,
    startedAt,
    endedAt: new Date().toISOString(),
    steps: steps(stepCount, next).map((step) => ({ ...step, at: startedAt })),
    outcome: { type: 'success', verdict: 'done', artifacts: [] },
    patternIds: [],
    heuristicIds: [],
    labels: [],
    metadata: {},
    checkpoints: [],
    version: 1,
  });
}
