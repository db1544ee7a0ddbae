import { measureComplete, measureLogStep, measureStart } from '../episode-operations.js';
import type { Latency } from '../measure.js';
import { random } from '../workload.js';
import { openLibsqlMemory } from './open.js';

export interface LibsqlLifecycleResults {
  start: Latency;
  logStep: Latency;
  complete20: Latency;
}

// Each durable write waits for a commit (~1 ms): fewer iterations than in memory keep the run short.
const OPTIONS = { iterations: 300, warmup: 100, runs: 5 };

/** Start, one-writer log step and complete (20 steps) on a libSQL file, durable mode, one call at a time. */
export async function benchLibsqlLifecycle(): Promise<LibsqlLifecycleResults> {
  const next = random(11);
  const opened = await openLibsqlMemory();
  try {
    const { memory } = opened;
    const start = await measureStart(memory, next, OPTIONS);
    const logStep = await measureLogStep(memory, next, OPTIONS);
    const complete20 = await measureComplete(memory, next, 20, { iterations: 60, warmup: 20, runs: 5 });
    return { start, logStep, complete20 };
  } finally {
    await opened.dispose();
  }
}
