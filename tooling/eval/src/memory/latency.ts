import { performance } from 'node:perf_hooks';
import type { SelfLearningMemory } from '@slm/memory-core';
import type { EvalQuery } from '../benchmark/types.js';
import { percentile } from '../metrics/summary.js';

export interface LatencyMs {
  p50: number;
  p95: number;
}

/**
 * Wall time of `retrieveContext` as an agent calls it (default limit), one query at a time. One untimed call
 * first, so that the percentiles measure retrieval and not the JIT warming up.
 */
export async function measureLatency(
  memory: SelfLearningMemory,
  queries: readonly EvalQuery[],
): Promise<LatencyMs> {
  const [first] = queries;
  if (!first) return { p50: 0, p95: 0 };
  await memory.retrieveContext({ query: first.text, context: first.context });
  const timings: number[] = [];
  for (const query of queries) {
    const started = performance.now();
    await memory.retrieveContext({ query: query.text, context: query.context });
    timings.push(performance.now() - started);
  }
  return { p50: percentile(timings, 50), p95: percentile(timings, 95) };
}
