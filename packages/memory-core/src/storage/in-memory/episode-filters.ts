import type { Episode } from '../../domain/episode.js';
import type { CandidateFilter, EpisodeFilter } from '../filters.js';
import type { EpisodePartition } from './episode-partition.js';
import type { NamespaceData } from './state.js';

/** An empty list filters nothing, like an absent one. */
function restricts<T>(list: readonly T[] | undefined): list is readonly T[] {
  return list !== undefined && list.length > 0;
}

/** Whether a stored episode passes a `listEpisodes` filter. */
export function matchesEpisodeFilter(data: NamespaceData, episode: Episode, filter: EpisodeFilter): boolean {
  const archived = filter.archived ?? 'exclude';
  if (archived === 'exclude' && episode.archivedAt !== undefined) return false;
  if (archived === 'only' && episode.archivedAt === undefined) return false;
  if (filter.completed !== undefined && (episode.endedAt !== undefined) !== filter.completed) return false;
  if (restricts(filter.taskTypes) && !filter.taskTypes.includes(episode.taskType)) return false;
  if (restricts(filter.domains) && !filter.domains.includes(episode.context.domain)) return false;
  if (
    restricts(filter.outcomeTypes) &&
    !(episode.outcome && filter.outcomeTypes.includes(episode.outcome.type))
  )
    return false;
  if (filter.rewardMin !== undefined && !(episode.reward && episode.reward.total >= filter.rewardMin))
    return false;
  if (filter.rewardMax !== undefined && !(episode.reward && episode.reward.total <= filter.rewardMax))
    return false;
  if (filter.startedAfter !== undefined || filter.startedBefore !== undefined) {
    const started = Date.parse(episode.startedAt);
    if (filter.startedAfter !== undefined && started < Date.parse(filter.startedAfter)) return false;
    if (filter.startedBefore !== undefined && started >= Date.parse(filter.startedBefore)) return false;
  }
  if (restricts(filter.labelsAny) && !filter.labelsAny.some((label) => episode.labels.includes(label)))
    return false;
  if (restricts(filter.labelsAll) && !filter.labelsAll.every((label) => episode.labels.includes(label)))
    return false;
  if (restricts(filter.tags) && !filter.tags.every((tag) => episode.context.tags.includes(tag))) return false;
  if (
    restricts(filter.textTerms) &&
    !filter.textTerms.every((term) => data.episodeText.contains(episode.id, term))
  )
    return false;
  return true;
}

/**
 * A candidate filter split for partitioned search: `admits` picks the partitions (domain, completed,
 * archived) to scan, and `accept` checks what partitions cannot (task type, outcome) per episode, absent when
 * the partitions decide alone, as they do for retrieval.
 */
export interface CandidateScope {
  admits: (partition: EpisodePartition) => boolean;
  accept: ((id: string) => boolean) | undefined;
}

export function candidateScope(data: NamespaceData, filter: CandidateFilter): CandidateScope {
  const includeArchived = filter.includeArchived ?? false;
  const completedOnly = filter.completedOnly ?? true;
  const domains = restricts(filter.domains) ? filter.domains : undefined;
  const taskTypes = restricts(filter.taskTypes) ? filter.taskTypes : undefined;
  const outcomeTypes = restricts(filter.outcomeTypes) ? filter.outcomeTypes : undefined;
  const admits = (partition: EpisodePartition) =>
    (includeArchived || !partition.archived) &&
    (!completedOnly || partition.completed) &&
    (!domains || domains.includes(partition.domain));
  if (!taskTypes && !outcomeTypes) return { admits, accept: undefined };
  return {
    admits,
    accept: (id) => {
      const facets = data.episodeFacets.get(id);
      if (facets === undefined) return false;
      if (taskTypes && !taskTypes.includes(facets.taskType)) return false;
      if (outcomeTypes && (facets.outcome === null || !outcomeTypes.includes(facets.outcome))) return false;
      return true;
    },
  };
}
