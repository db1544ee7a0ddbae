import type { SelfLearningMemory } from '@slm/memory-core';
import type { Benchmark } from '../benchmark/types.js';
import { type RunScores, scoreRealRuns } from '../measures/run-metrics.js';
import type { StoredEpisodes } from './eval-memory.js';
import { rankQueries } from './procedure-retrieval.js';

/** hit@1 and success-first of held-out runs against the stored runs (successes and warnings ranked together). */
export async function measureRealRuns(
  memory: SelfLearningMemory,
  stored: StoredEpisodes,
  benchmark: Benchmark,
): Promise<RunScores> {
  return scoreRealRuns(await rankQueries(memory, stored, benchmark), benchmark.episodes);
}
