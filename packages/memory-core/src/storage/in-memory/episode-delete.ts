import { unindexEpisode } from './episode-indexes.js';
import type { InMemoryState, NamespaceData } from './state.js';

/**
 * Deletes an episode with everything that hangs off it: steps (in the record), full-text document, embedding,
 * checkpoints, labels (in the record) and relationships. Patterns and heuristics keep their counts but no
 * longer name the episode as evidence. O(evidence of this episode), never a scan of the namespace.
 */
export function deleteEpisodeCascade(state: InMemoryState, data: NamespaceData, id: string): void {
  const episode = data.episodes.get(id);
  if (!episode) return;
  unindexEpisode(data, episode);
  state.episodeNamespaces.delete(id);
  data.episodeVectors?.delete(id);
  data.relationships.removeEpisode(id);
  for (const patternId of data.patternsByEpisode.get(id) ?? []) {
    const pattern = data.patterns.get(patternId);
    if (!pattern) continue;
    data.patterns.set(patternId, {
      ...pattern,
      sourceEpisodeIds: pattern.sourceEpisodeIds.filter((source) => source !== id),
    });
  }
  data.patternsByEpisode.delete(id);
  for (const heuristicId of data.heuristicsByEpisode.get(id) ?? []) {
    const heuristic = data.heuristics.get(heuristicId);
    if (!heuristic) continue;
    data.heuristics.set(heuristicId, {
      ...heuristic,
      evidence: {
        ...heuristic.evidence,
        episodeIds: heuristic.evidence.episodeIds.filter((source) => source !== id),
      },
    });
  }
  data.heuristicsByEpisode.delete(id);
}
