import type { Episode } from '../../domain/episode.js';
import { LIMITS } from '../../domain/limits.js';
import type { ExecutionStep } from '../../domain/step.js';
import type { AppendStepsResult, EpisodeStore } from '../episode-store.js';
import type { EpisodeFilter } from '../filters.js';
import { type Page, type PageRequest, pageSize } from '../page.js';
import { decodeCursor, encodeCursor } from '../page-cursor.js';
import { copy } from './clone.js';
import { deleteEpisodeCascade } from './episode-delete.js';
import { matchesEpisodeFilter } from './episode-filters.js';
import { indexEpisode, markStepsAppended, refreshEpisodeText, reindexEpisode } from './episode-indexes.js';
import { insertStep, newSteps, sortedDistinctSteps } from './episode-steps.js';
import { conflict, invalid, notFound } from './failures.js';
import { getMany } from './get-many.js';
import { guarded } from './guard.js';
import type { InMemoryState, NamespaceData } from './state.js';

export function createEpisodeStore(state: InMemoryState): EpisodeStore {
  const stored = (namespace: string, id: string): Episode | undefined =>
    state.peek(namespace)?.episodes.get(id);

  return {
    insertEpisode: guarded(state, 'insertEpisode', (episode: Episode) => {
      const owner = state.episodeNamespaces.get(episode.id);
      if (owner !== undefined) {
        throw conflict(`episode ${episode.id} already exists`, { episodeId: episode.id });
      }
      const record = copy(episode);
      record.steps = sortedDistinctSteps(record.steps, record.id);
      state.episodeNamespaces.set(record.id, record.namespace);
      indexEpisode(state.namespace(record.namespace), record);
    }),

    getEpisode: guarded(state, 'getEpisode', (namespace: string, id: string) => {
      const episode = stored(namespace, id);
      return episode ? copy(episode) : null;
    }),

    getEpisodes: guarded(state, 'getEpisodes', (namespace: string, ids: readonly string[]) =>
      getMany(state.peek(namespace)?.episodes, ids, 'getEpisodes'),
    ),

    appendSteps: guarded(
      state,
      'appendSteps',
      (namespace: string, episodeId: string, steps: readonly ExecutionStep[]): AppendStepsResult => {
        const data = state.peek(namespace);
        const episode = data?.episodes.get(episodeId);
        if (!data || !episode) throw notFound('episode', episodeId, namespace);
        if (episode.endedAt !== undefined) {
          throw conflict(`episode ${episodeId} is completed: steps can no longer be logged`, { episodeId });
        }
        const fresh = newSteps(episode.steps, steps, episodeId);
        if (episode.steps.length + fresh.length > LIMITS.stepsPerEpisode) {
          throw invalid(`episode ${episodeId} would exceed ${LIMITS.stepsPerEpisode} steps`, {
            episodeId,
            limit: LIMITS.stepsPerEpisode,
          });
        }
        for (const step of fresh) insertStep(episode.steps, copy(step));
        if (fresh.length > 0) markStepsAppended(data, episodeId);
        return {
          appended: fresh.length,
          unchanged: steps.length - fresh.length,
          stepCount: episode.steps.length,
        };
      },
    ),

    updateEpisode: guarded(state, 'updateEpisode', (episode: Episode, expectedVersion: number) => {
      const { data, current } = versioned(state, episode, expectedVersion);
      return writeNextVersion(data, current, episode, expectedVersion);
    }),

    completeEpisode: guarded(state, 'completeEpisode', (episode: Episode, expectedVersion: number) => {
      const { data, current } = versioned(state, episode, expectedVersion);
      if (current.endedAt !== undefined) {
        throw conflict(`episode ${current.id} is already completed`, { episodeId: current.id });
      }
      if (episode.endedAt === undefined) {
        throw invalid(`completing episode ${current.id} needs endedAt`, { episodeId: current.id });
      }
      const known = new Set(episode.steps.map((step) => step.stepNumber));
      const raced = current.steps
        .filter((step) => !known.has(step.stepNumber))
        .map((step) => step.stepNumber);
      if (raced.length > 0) {
        throw conflict(`steps ${raced.join(', ')} of episode ${current.id} were logged during completion`, {
          episodeId: current.id,
          stepNumbers: raced,
        });
      }
      return writeNextVersion(data, current, episode, expectedVersion);
    }),

    deleteEpisode: guarded(state, 'deleteEpisode', (namespace: string, id: string) => {
      const data = state.peek(namespace);
      if (!data?.episodes.has(id)) return false;
      deleteEpisodeCascade(state, data, id);
      return true;
    }),

    listEpisodes: guarded(
      state,
      'listEpisodes',
      (namespace: string, filter: EpisodeFilter, page?: PageRequest): Page<Episode> => {
        const size = pageSize(page);
        const cursor = page?.cursor ? decodeCursor(page.cursor) : undefined;
        const data = state.peek(namespace);
        if (!data) return { items: [], nextCursor: null };
        if (filter.textTerms && filter.textTerms.length > 0) refreshEpisodeText(data);
        const items: Episode[] = [];
        let hasMore = false;
        for (const id of data.episodeOrder.newestFirst(cursor && { ms: cursor.value, id: cursor.id })) {
          const episode = data.episodes.get(id)!;
          if (!matchesEpisodeFilter(data, episode, filter)) continue;
          if (items.length === size) {
            hasMore = true;
            break;
          }
          items.push(episode);
        }
        const last = items[items.length - 1];
        return {
          items: items.map(copy),
          nextCursor: hasMore && last ? encodeCursor(Date.parse(last.startedAt), last.id) : null,
        };
      },
    ),

    findEpisodeByCheckpoint: guarded(
      state,
      'findEpisodeByCheckpoint',
      (namespace: string, checkpointId: string) => {
        const data = state.peek(namespace);
        const episodeId = data?.checkpoints.get(checkpointId);
        const episode = episodeId === undefined ? undefined : data?.episodes.get(episodeId);
        return episode ? copy(episode) : null;
      },
    ),
  };
}

/** The caller's record minus its steps: stored steps are authoritative and never rewritten here. */
function copyWithoutSteps(episode: Episode): Omit<Episode, 'steps'> {
  const { steps: _steps, ...rest } = episode;
  return copy(rest);
}

/** The stored episode for a versioned write: NOT_FOUND when absent, CONFLICT when the version moved on. */
function versioned(state: InMemoryState, episode: Episode, expectedVersion: number) {
  const data = state.peek(episode.namespace);
  const current = data?.episodes.get(episode.id);
  if (!data || !current) throw notFound('episode', episode.id, episode.namespace);
  if (current.version !== expectedVersion) {
    throw conflict(
      `episode ${episode.id} was changed by another writer (version ${current.version}, expected ${expectedVersion})`,
      { episodeId: episode.id, version: current.version, expectedVersion },
    );
  }
  return { data, current };
}

/**
 * Stores the caller's episode as the next version; identity, start time and the stored steps are kept (steps
 * change only through appendSteps).
 */
function writeNextVersion(
  data: NamespaceData,
  current: Episode,
  episode: Episode,
  expectedVersion: number,
): Episode {
  const next: Episode = {
    ...copyWithoutSteps(episode),
    id: current.id,
    namespace: current.namespace,
    startedAt: current.startedAt,
    steps: current.steps,
    version: expectedVersion + 1,
  };
  reindexEpisode(data, current, next);
  return copy(next);
}
