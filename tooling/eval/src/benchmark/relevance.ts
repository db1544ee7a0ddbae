import type { EvalEpisode, EvalQuery } from './types.js';

/** How many stored episodes are relevant to each query class (the ideal ranking's size). */
export function relevantCounts(episodes: readonly EvalEpisode[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const episode of episodes) counts.set(episode.group, (counts.get(episode.group) ?? 0) + 1);
  return counts;
}

/**
 * Queries that can be answered at all: at least one stored episode shares their class. The published BM25
 * baselines are reproduced only when the others are left out (a query with nothing relevant has no nDCG,
 * and no playbook made from memory can name a procedure the memory has never seen).
 */
export function answerableQueries(
  queries: readonly EvalQuery[],
  episodes: readonly EvalEpisode[],
): EvalQuery[] {
  const counts = relevantCounts(episodes);
  return queries.filter((query) => (counts.get(query.group) ?? 0) > 0);
}
