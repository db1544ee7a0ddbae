import type { EvalEpisode, EvalQuery } from '../benchmark/types.js';

/** What any retriever returned for one query: stored episodes, best first. */
export interface RankedQuery {
  query: EvalQuery;
  ranked: readonly EvalEpisode[];
}

/** How deep rankings are read (MRR counts a first relevant result down to this rank, else 0). */
export const RANK_DEPTH = 50;
