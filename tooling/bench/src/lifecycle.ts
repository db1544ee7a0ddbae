import { createMemory, extractPatterns } from '@slm/memory-core';
import { createInMemoryStorage } from '@slm/memory-core/testing';
import { measureComplete, measureLogStep, measureStart } from './episode-operations.js';
import { type Latency, measure } from './measure.js';
import { completedEpisode, random } from './workload.js';

export interface LifecycleResults {
  start: Latency;
  logStepBatched: Latency;
  logStepDurable: Latency;
  complete20: Latency;
  extract50: Latency;
}

const OPTIONS = { iterations: 2_000, warmup: 20_000, runs: 5 };

/** The episode lifecycle on the in-memory backend, one operation at a time. */
export async function benchLifecycle(): Promise<LifecycleResults> {
  const next = random(1);
  const durable = await createMemory({ storage: createInMemoryStorage() });
  const batched = await createMemory({
    storage: createInMemoryStorage(),
    config: { durability: 'batched', batch: { maxBatchSize: 50, flushIntervalMs: 5_000, autoFlush: true } },
  });

  const start = await measureStart(durable, next, OPTIONS);
  const logStepBatched = await measureLogStep(batched, next, OPTIONS);
  const logStepDurable = await measureLogStep(durable, next, OPTIONS);
  const complete20 = await measureComplete(durable, next, 20, {
    iterations: 500,
    warmup: 100,
    warmupMs: 2_000,
    runs: 5,
  });
  const extract50 = await measure(
    (episode) => extractPatterns(episode, { newId: () => 'x', at: episode.endedAt! }),
    () =>
      completedEpisode(next, 50, {
        id: '0190e4a0-0000-7000-8000-000000000001',
        endedAtMs: Date.now(),
        outcome: { type: 'success', verdict: 'done', artifacts: [] },
      }),
    OPTIONS,
  );
  await batched.close();
  await durable.close();
  return { start, logStepBatched, logStepDurable, complete20, extract50 };
}
