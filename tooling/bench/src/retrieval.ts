import { createMemory } from '@slm/memory-core';
import { createInMemoryStorage } from '@slm/memory-core/testing';
import { type Latency, measure } from './measure.js';
import { DOMAINS, queryText, random, steps, taskInput } from './workload.js';

export interface RetrievalResult {
  episodes: number;
  ingestSeconds: number;
  retrieve: Latency;
}

/** `retrieveContext` over a memory of `size` completed episodes (whole learning pipeline on ingest). */
export async function benchRetrieval(size: number): Promise<RetrievalResult> {
  const next = random(size);
  const memory = await createMemory({ storage: createInMemoryStorage() });
  const started = performance.now();
  for (let index = 0; index < size; index++) {
    const episode = await memory.startEpisode(taskInput(next));
    await memory.logSteps(episode.id, steps(5 + Math.floor(next() * 10), next));
    const outcome =
      next() < 0.8
        ? { type: 'success' as const, verdict: 'done', artifacts: [] }
        : { type: 'failure' as const, reason: 'tests still fail' };
    await memory.completeEpisode(episode.id, outcome);
  }
  const ingestSeconds = (performance.now() - started) / 1_000;
  const retrieve = await measure(
    (query) => memory.retrieveContext(query),
    () => ({
      query: queryText(next),
      context: { domain: DOMAINS[Math.floor(next() * DOMAINS.length)]! },
      limit: 5,
    }),
    { iterations: 200, warmup: 50, runs: 3 },
  );
  await memory.close();
  return { episodes: size, ingestSeconds, retrieve };
}
