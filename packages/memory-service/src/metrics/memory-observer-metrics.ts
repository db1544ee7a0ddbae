import type { MemoryObserver } from '@slm/memory-core';
import { Counter, Histogram, type Registry } from 'prom-client';
import { MILLISECOND_BUCKETS } from './buckets.js';

/**
 * The seed's episode, retrieval and pattern-extraction metrics, fed by the memory's observer hooks with the
 * durations core measured. Labelled by namespace (bounded: one per configured key).
 */
export function createMemoryObserverMetrics(registry: Registry): MemoryObserver {
  const registers = [registry];
  const labelNames = ['namespace'] as const;
  const episodesCreated = new Counter({
    name: 'memory_episode_created_total',
    help: 'Episodes started.',
    labelNames,
    registers,
  });
  const completionLatency = new Histogram({
    name: 'memory_episode_completion_latency_ms',
    help: 'Time to complete an episode, learning pipeline included, in milliseconds.',
    labelNames,
    buckets: MILLISECOND_BUCKETS,
    registers,
  });
  const stepsLogged = new Counter({
    name: 'memory_steps_logged_total',
    help: 'Execution steps accepted (written, or buffered in batched mode).',
    labelNames,
    registers,
  });
  const retrievalLatency = new Histogram({
    name: 'memory_retrieval_latency_ms',
    help: 'Time to retrieve context for a task, in milliseconds.',
    labelNames,
    buckets: MILLISECOND_BUCKETS,
    registers,
  });
  const extractionSuccess = new Counter({
    name: 'memory_pattern_extraction_success_total',
    help: 'Learning runs (pattern extraction and merge) that succeeded.',
    labelNames,
    registers,
  });
  const extractionFailure = new Counter({
    name: 'memory_pattern_extraction_failure_total',
    help: 'Learning runs (pattern extraction and merge) that failed; the episode is kept and can be relearned.',
    labelNames,
    registers,
  });
  const extractionLatency = new Histogram({
    name: 'memory_pattern_extraction_latency_ms',
    help: 'Time of a learning run (pattern extraction and merge), in milliseconds.',
    labelNames: ['namespace', 'outcome'] as const,
    buckets: MILLISECOND_BUCKETS,
    registers,
  });

  // Core calls these on its hot paths; a metrics failure must never fail the operation it measures.
  const safely =
    <Args extends unknown[]>(record: (...args: Args) => void) =>
    (...args: Args): void => {
      try {
        record(...args);
      } catch {
        // ignored: losing a sample is better than failing a write
      }
    };

  return {
    episodeCreated: safely((namespace: string) => episodesCreated.inc({ namespace })),
    episodeCompleted: safely((namespace: string, durationMs: number) =>
      completionLatency.observe({ namespace }, durationMs),
    ),
    stepsLogged: safely((namespace: string, count: number) => stepsLogged.inc({ namespace }, count)),
    retrieval: safely((namespace: string, durationMs: number) =>
      retrievalLatency.observe({ namespace }, durationMs),
    ),
    patternExtraction: safely((namespace: string, outcome: 'success' | 'failure', durationMs: number) => {
      (outcome === 'success' ? extractionSuccess : extractionFailure).inc({ namespace });
      extractionLatency.observe({ namespace, outcome }, durationMs);
    }),
  };
}
