import type { EvalEpisode } from '../benchmark/types.js';
import { fraction } from '../metrics/summary.js';
import type { RankedQuery } from './ranked-query.js';

export interface RunScores {
  hit1: number;
  successFirst: number;
  queries: number;
  /** Queries counted by success-first: a successful run of their task is in memory. */
  successFirstQueries: number;
}

/**
 * hit@1: the top-ranked run belongs to the query's task. success-first: where memory holds a successful run
 * of the task, the highest-ranked run of that task is a successful one (no run of the task ranked = miss).
 */
export function scoreRealRuns(results: readonly RankedQuery[], stored: readonly EvalEpisode[]): RunScores {
  const solved = new Set(stored.filter((episode) => episode.successful).map((episode) => episode.group));
  const hits: boolean[] = [];
  const successFirst: boolean[] = [];
  for (const { query, ranked } of results) {
    hits.push(ranked[0]?.group === query.group);
    if (!solved.has(query.group)) continue;
    const first = ranked.find((episode) => episode.group === query.group);
    successFirst.push(first?.successful === true);
  }
  return {
    hit1: fraction(hits),
    successFirst: fraction(successFirst),
    queries: hits.length,
    successFirstQueries: successFirst.length,
  };
}
