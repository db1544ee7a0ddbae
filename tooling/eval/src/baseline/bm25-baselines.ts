import { answerableQueries, relevantCounts } from '../benchmark/relevance.js';
import type { Benchmark, EvalEpisode } from '../benchmark/types.js';
import { majority } from '../measures/majority-vote.js';
import { type ProcedureScores, scoreProcedureRetrieval } from '../measures/procedure-metrics.js';
import { RANK_DEPTH, type RankedQuery } from '../measures/ranked-query.js';
import { type RunScores, scoreRealRuns } from '../measures/run-metrics.js';
import { fraction } from '../metrics/summary.js';
import { Bm25 } from './bm25.js';

export interface BaselineScores {
  procedureRetrieval: ProcedureScores;
  /** Majority vote of the procedure classes of BM25's top 5. */
  playbookAccuracy: number;
  realRuns: RunScores;
}

/** The quality bar's baselines, recomputed: BM25 over descriptions (and, for runs, tool names). */
export function bm25Baselines(procedures: Benchmark, runs: Benchmark): BaselineScores {
  const procedureResults = rankWithBm25(procedures, false);
  const counts = relevantCounts(procedures.episodes);
  const answerable = new Set(answerableQueries(procedures.queries, procedures.episodes));
  const votes = procedureResults
    .filter(({ query }) => answerable.has(query))
    .map(({ query, ranked }) => majority(ranked.slice(0, 5).map((episode) => episode.group)) === query.group);
  return {
    procedureRetrieval: scoreProcedureRetrieval(procedureResults, counts),
    playbookAccuracy: fraction(votes),
    realRuns: scoreRealRuns(rankWithBm25(runs, true), runs.episodes),
  };
}

function rankWithBm25(benchmark: Benchmark, withTools: boolean): RankedQuery[] {
  const index = new Bm25(benchmark.episodes.map((episode) => documentOf(episode, withTools)));
  return benchmark.queries.map((query) => ({
    query,
    ranked: index.search(query.text, RANK_DEPTH).map(({ index: position }) => benchmark.episodes[position]!),
  }));
}

function documentOf(episode: EvalEpisode, withTools: boolean): string {
  const tools = withTools ? episode.steps.map((step) => step.tool) : [];
  return [episode.start.taskDescription, ...tools].join(' ');
}
