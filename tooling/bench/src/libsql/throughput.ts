import type { SelfLearningMemory } from '@slm/memory-core';
import { random, steps, taskInput } from '../workload.js';
import { openLibsqlMemory } from './open.js';

export interface ThroughputResult {
  writers: number;
  /** Steps acknowledged per second, median over the runs. */
  stepsPerSecond: number;
  /** Each run's rate, for the spread. */
  perRun: number[];
  /** Steps acknowledged in all runs; every one was read back from the file afterwards. */
  acknowledged: number;
  /** Mean writes per committed transaction (group commit at work). */
  writesPerTransaction: number;
}

const WRITERS = 64;
const STEPS_PER_WRITER = 100;
const RUNS = 3;

/**
 * `writers` agents log steps at once, each to its own episode, each awaiting its step before the next
 * (`durable`: a step resolves only after its commit). The rate is acknowledged steps over wall time.
 */
export async function benchThroughput(): Promise<ThroughputResult> {
  const next = random(64);
  const opened = await openLibsqlMemory();
  try {
    const { memory, storage } = opened;
    const perRun: number[] = [];
    for (let run = 0; run < RUNS; run++) perRun.push(await oneRun(memory, next));
    const statistics = storage.writeStatistics();
    return {
      writers: WRITERS,
      stepsPerSecond: [...perRun].sort((left, right) => left - right)[Math.floor(RUNS / 2)]!,
      perRun,
      acknowledged: WRITERS * STEPS_PER_WRITER * RUNS,
      writesPerTransaction: statistics.writes / Math.max(1, statistics.transactions),
    };
  } finally {
    await opened.dispose();
  }
}

async function oneRun(memory: SelfLearningMemory, next: () => number): Promise<number> {
  const episodes = await Promise.all(
    Array.from({ length: WRITERS }, () => memory.startEpisode(taskInput(next))),
  );
  const work = episodes.map((episode) => ({ id: episode.id, steps: steps(STEPS_PER_WRITER, next) }));
  const started = performance.now();
  await Promise.all(
    work.map(async ({ id, steps: own }) => {
      for (const step of own) await memory.logStep(id, step);
    }),
  );
  const seconds = (performance.now() - started) / 1_000;
  // Acknowledged means stored: read every episode back before counting the run.
  for (const { id } of work) {
    const stored = await memory.getEpisode(id);
    if (stored.steps.length !== STEPS_PER_WRITER) {
      throw new Error(`episode ${id} holds ${stored.steps.length} of ${STEPS_PER_WRITER} acknowledged steps`);
    }
  }
  return (WRITERS * STEPS_PER_WRITER) / seconds;
}
