import type { RetrievedContext } from '@slm/memory-core';
import type { EvalEpisode } from '../benchmark/types.js';
import type { StoredEpisodes } from './eval-memory.js';

interface Scored {
  id: string;
  score: number;
}

/**
 * The episodes a retrieval answer ranks, best first: exemplars and warnings together — failed runs surface
 * only as warnings, and a ranking of "runs of this task" must see them. The two lists are merged by score,
 * each keeping the memory's own order (exemplars are diversified by MMR, so their order is not pure score).
 */
export function rankedEpisodes(context: RetrievedContext, stored: StoredEpisodes): EvalEpisode[] {
  const exemplars = context.episodes.map(({ episode, score }) => ({ id: episode.id, score }));
  const warnings = [...context.warnings]
    .sort((left, right) => right.score - left.score)
    .map(({ episodeId, score }) => ({ id: episodeId, score }));
  const seen = new Set<string>();
  const ranked: EvalEpisode[] = [];
  for (const { id } of mergeByScore(exemplars, warnings)) {
    const episode = stored.get(id);
    if (!episode || seen.has(id)) continue;
    seen.add(id);
    ranked.push(episode);
  }
  return ranked;
}

/** Merges two best-first lists; on equal scores the first list goes first. */
export function mergeByScore(first: readonly Scored[], second: readonly Scored[]): Scored[] {
  const merged: Scored[] = [];
  let i = 0;
  let j = 0;
  while (i < first.length || j < second.length) {
    const left = first[i];
    const right = second[j];
    if (right === undefined || (left !== undefined && left.score >= right.score)) {
      merged.push(left!);
      i++;
    } else {
      merged.push(right);
      j++;
    }
  }
  return merged;
}
