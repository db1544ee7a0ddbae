import type { Episode } from '../../domain/episode.js';
import { episodeSearchText } from '../../text/search-documents.js';
import { searchTerms } from '../../text/terms.js';
import { EpisodeFacets } from './episode-facets.js';
import { orderKey } from './episode-order.js';
import { EpisodePartition } from './episode-partition.js';
import type { NamespaceData } from './state.js';

/**
 * Secondary indexes of a namespace's episodes. The list order, facets and checkpoint index change with every
 * write. The full-text document does not: a write only marks it dirty, and the next text query (re)indexes
 * the dirty episodes, so starting, stepping and completing an episode never pay for stemming on their path.
 */

/** Adds a stored episode (the record too) to the namespace's indexes. */
export function indexEpisode(data: NamespaceData, episode: Episode): void {
  data.episodes.set(episode.id, episode);
  setFacets(data, episode);
  data.episodeOrder.insert(orderKey(episode));
  for (const checkpoint of episode.checkpoints) data.checkpoints.set(checkpoint.id, episode.id);
  data.dirtyEpisodeText.add(episode.id);
}

/** Removes a stored episode (the record too) from every index. */
export function unindexEpisode(data: NamespaceData, episode: Episode): void {
  data.episodes.delete(episode.id);
  data.episodeFacets.delete(episode.id);
  data.episodeOrder.remove(orderKey(episode));
  for (const checkpoint of episode.checkpoints) data.checkpoints.delete(checkpoint.id);
  data.episodeText.delete(episode.id);
  data.dirtyEpisodeText.delete(episode.id);
  data.episodeStepTerms.delete(episode.id);
}

/** Replaces a stored episode whose steps did not change (update, completion). */
export function reindexEpisode(data: NamespaceData, previous: Episode, next: Episode): void {
  for (const checkpoint of previous.checkpoints) data.checkpoints.delete(checkpoint.id);
  if (previous.startedAt !== next.startedAt) {
    data.episodeOrder.remove(orderKey(previous));
    data.episodeOrder.insert(orderKey(next));
  }
  data.episodes.set(next.id, next);
  setFacets(data, next);
  for (const checkpoint of next.checkpoints) data.checkpoints.set(checkpoint.id, next.id);
  data.dirtyEpisodeText.add(next.id);
}

/**
 * Records the episode's facets and moves its vector to the partition they name: completing, archiving,
 * restoring, re-domaining and re-importing an episode (which keeps its vector) all pass here. Its text
 * document moves when the next text query re-indexes it: every caller also marks it dirty.
 */
function setFacets(data: NamespaceData, episode: Episode): void {
  const facets = EpisodeFacets.of(episode);
  data.episodeFacets.set(episode.id, facets);
  data.episodeVectors?.move(episode.id, EpisodePartition.of(facets));
}

/** Steps were appended to a stored episode. */
export function markStepsAppended(data: NamespaceData, episodeId: string): void {
  data.dirtyEpisodeText.add(episodeId);
}

/**
 * Brings the full-text index up to date. An episode's document is the bag of terms of `episodeSearchText`:
 * the terms of the episode without steps, plus each step's tool and action terms. Steps are append-only, so
 * their terms are cached by step number and never stemmed twice; `Bm25Index.set` then touches only postings
 * whose counts changed.
 */
export function refreshEpisodeText(data: NamespaceData): void {
  if (data.dirtyEpisodeText.size === 0) return;
  for (const id of data.dirtyEpisodeText) {
    const episode = data.episodes.get(id);
    if (!episode) continue;
    let cached = data.episodeStepTerms.get(id);
    if (!cached) {
      cached = { stepNumbers: new Set(), terms: [] };
      data.episodeStepTerms.set(id, cached);
    }
    for (const step of episode.steps) {
      if (cached.stepNumbers.has(step.stepNumber)) continue;
      cached.stepNumbers.add(step.stepNumber);
      cached.terms.push(...searchTerms(`${step.tool} ${step.action}`));
    }
    const recordText = episodeSearchText({ ...episode, steps: [] });
    const terms = recordText.length === 0 ? [] : recordText.split(' ');
    const partition = EpisodePartition.of(data.episodeFacets.get(id)!);
    data.episodeText.set(id, cached.terms.length === 0 ? terms : [...terms, ...cached.terms], partition);
  }
  data.dirtyEpisodeText.clear();
}
