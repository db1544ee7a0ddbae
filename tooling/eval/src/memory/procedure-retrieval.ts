import type { SelfLearningMemory } from '@slm/memory-core';
import { relevantCounts } from '../benchmark/relevance.js';
import type { Benchmark } from '../benchmark/types.js';
import { type ProcedureScores, scoreProcedureRetrieval } from '../measures/procedure-metrics.js';
import { RANK_DEPTH, type RankedQuery } from '../measures/ranked-query.js';
import type { StoredEpisodes } from './eval-memory.js';
import { rankedEpisodes } from './rank-context.js';

/** Every query through `retrieveContext`, read to `RANK_DEPTH` (greedy MMR makes its top 5 the limit-5 answer). */
export async function rankQueries(
  memory: SelfLearningMemory,
  stored: StoredEpisodes,
  benchmark: Benchmark,
): Promise<RankedQuery[]> {
  const results: RankedQuery[] = [];
  for (const query of benchmark.queries) {
    const context = await memory.retrieveContext({
      query: query.text,
      context: query.context,
      limit: RANK_DEPTH,
    });
    results.push({ query, ranked: rankedEpisodes(context, stored) });
  }
  return results;
}

export async function measureProcedureRetrieval(
  memory: SelfLearningMemory,
  stored: StoredEpisodes,
  benchmark: Benchmark,
): Promise<ProcedureScores> {
  const results = await rankQueries(memory, stored, benchmark);
  return scoreProcedureRetrieval(results, relevantCounts(benchmark.episodes));
}
