import { createMemory } from '@slm/memory-core';
import { createInMemoryStorage } from '@slm/memory-core/testing';
import { ingestThroughPipeline } from './ingest.js';
import { type Latency, measure } from './measure.js';
import { random, retrievalQuery } from './workload.js';

export interface RetrievalResult {
  episodes: number;
  ingestSeconds: number;
  retrieve: Latency;
}

/** `retrieveContext` over a memory of `size` completed episodes (whole learning pipeline on ingest). */
export async function benchRetrieval(size: number): Promise<RetrievalResult> {
  const next = random(size);
  const memory = await createMemory({ storage: createInMemoryStorage() });
  const ingestSeconds = await ingestThroughPipeline(memory, size, next);
  const retrieve = await measure(
    (query) => memory.retrieveContext(query),
    () => retrievalQuery(next),
    { iterations: 200, warmup: 50, runs: 3 },
  );
  await memory.close();
  return { episodes: size, ingestSeconds, retrieve };
}
