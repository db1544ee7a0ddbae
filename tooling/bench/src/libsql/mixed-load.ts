import type { SelfLearningMemory } from '@slm/memory-core';
import { type Latency, summarise } from '../measure.js';
import { retrievalQuery, steps, taskInput } from '../workload.js';

export interface MixedLoadResult {
  /** Agents retrieving context in a loop, each awaiting its answer before asking again. */
  retrievers: number;
  /** One agent's `logStep` (durable) latency meanwhile, in µs. */
  logStep: Latency & { p99: number };
  retrievalsPerSecond: number;
}

const RETRIEVERS = 4;
const DURATION_MS = 4_000;
/** Steps per episode before the logging agent starts the next one (episodes hold at most 1,000). */
const STEPS_PER_EPISODE = 200;

/**
 * One agent logs steps (durable, one at a time) while `RETRIEVERS` others retrieve context in a loop, for a
 * few seconds: what one agent's writes cost while the memory serves reads — the case of a service where some
 * agents log and others ask.
 */
export async function measureMixedLoad(
  memory: SelfLearningMemory,
  next: () => number,
): Promise<MixedLoadResult> {
  let running = true;
  let retrievals = 0;
  const retrievers = Array.from({ length: RETRIEVERS }, async () => {
    while (running) {
      await memory.retrieveContext(retrievalQuery(next));
      retrievals++;
      // An agent acts on the answer before asking again: the event loop turns.
      await new Promise((resolve) => setImmediate(resolve));
    }
  });
  let episode = await memory.startEpisode(taskInput(next));
  const samples: number[] = [];
  const started = performance.now();
  for (let logged = 0; performance.now() - started < DURATION_MS; logged++) {
    if (logged > 0 && logged % STEPS_PER_EPISODE === 0) episode = await memory.startEpisode(taskInput(next));
    const [step] = steps(1, next, (logged % STEPS_PER_EPISODE) + 1);
    const before = process.hrtime.bigint();
    await memory.logStep(episode.id, step!);
    samples.push(Number(process.hrtime.bigint() - before) / 1_000);
  }
  const seconds = (performance.now() - started) / 1_000;
  running = false;
  await Promise.all(retrievers);
  const sorted = [...samples].sort((left, right) => left - right);
  return {
    retrievers: RETRIEVERS,
    logStep: {
      ...summarise(samples),
      p99: sorted[Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)]!,
    },
    retrievalsPerSecond: retrievals / seconds,
  };
}
