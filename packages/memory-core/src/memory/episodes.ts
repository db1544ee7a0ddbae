import { EPISODE_SCHEMA_VERSION, type Episode } from '../domain/episode.js';
import { uuidv7 } from '../domain/ids.js';
import type { EpisodeFilter } from '../storage/filters.js';
import type { Page, PageRequest } from '../storage/page.js';
import { distinctSearchTerms } from '../text/terms.js';
import {
  type EpisodeListFilter,
  EpisodeListFilterSchema,
  LabelsInputSchema,
  PageRequestSchema,
  type StartEpisodeInput,
  StartEpisodeInputSchema,
  type UpdateEpisodeInput,
  UpdateEpisodeInputSchema,
} from './inputs.js';
import { type MemoryScope, nowIso } from './runtime.js';
import { notFound, parseInput, requireId } from './validation.js';

/** Starts an episode and resolves once it is persisted. */
export async function startEpisode(scope: MemoryScope, input: StartEpisodeInput): Promise<Episode> {
  const parsed = parseInput(StartEpisodeInputSchema, input, 'episode');
  const { runtime, namespace } = scope;
  const episode: Episode = {
    schemaVersion: EPISODE_SCHEMA_VERSION,
    id: uuidv7(runtime.clock.now()),
    namespace,
    taskType: parsed.taskType,
    taskDescription: parsed.taskDescription,
    context: parsed.context,
    startedAt: nowIso(scope),
    steps: [],
    patternIds: [],
    heuristicIds: [],
    labels: [...new Set(parsed.labels)],
    metadata: parsed.metadata,
    checkpoints: [],
    version: 1,
  };
  await runtime.storage.insertEpisode(episode);
  runtime.observer.episodeCreated?.(namespace);
  return episode;
}

/** The stored episode with any steps still buffered in this process; NOT_FOUND when absent. */
export async function loadEpisode(scope: MemoryScope, episodeId: unknown): Promise<Episode> {
  const id = requireId(episodeId, 'episodeId');
  const episode = await scope.runtime.storage.getEpisode(scope.namespace, id);
  if (!episode) throw notFound('episode', id);
  const buffered = scope.runtime.stepBuffer.bufferedSteps(scope.namespace, id);
  if (buffered.length === 0) return episode;
  const steps = [...episode.steps, ...buffered].sort((left, right) => left.stepNumber - right.stepNumber);
  return { ...episode, steps };
}

const MAX_UPDATE_ATTEMPTS = 3;

/**
 * Applies `change` to the stored episode under optimistic concurrency, re-reading and re-applying when another
 * writer got there first. `change` must be a pure function of the episode it is given. A caller that has just
 * stored the episode passes it as `latest`, which saves the first read (its version still guards the write).
 */
export async function changeEpisode(
  scope: MemoryScope,
  episodeId: unknown,
  change: (episode: Episode) => Episode,
  latest?: Episode,
): Promise<Episode> {
  const id = requireId(episodeId, 'episodeId');
  const { storage } = scope.runtime;
  for (let attempt = 1; ; attempt++) {
    const current =
      attempt === 1 && latest?.id === id ? latest : await storage.getEpisode(scope.namespace, id);
    if (!current) throw notFound('episode', id);
    try {
      return await storage.updateEpisode(change(current), current.version);
    } catch (error) {
      const conflict = (error as { code?: string }).code === 'CONFLICT';
      if (!conflict || attempt >= MAX_UPDATE_ATTEMPTS) throw error;
    }
  }
}

export function addLabels(
  scope: MemoryScope,
  episodeId: unknown,
  labels: readonly string[],
): Promise<Episode> {
  const added = parseInput(LabelsInputSchema, labels, 'labels');
  return changeEpisode(scope, episodeId, (episode) => ({
    ...episode,
    labels: [...new Set([...episode.labels, ...added])],
  }));
}

export function removeLabels(
  scope: MemoryScope,
  episodeId: unknown,
  labels: readonly string[],
): Promise<Episode> {
  const removed = new Set(parseInput(LabelsInputSchema, labels, 'labels'));
  return changeEpisode(scope, episodeId, (episode) => ({
    ...episode,
    labels: episode.labels.filter((label) => !removed.has(label)),
  }));
}

export function archiveEpisode(scope: MemoryScope, episodeId: unknown): Promise<Episode> {
  const at = nowIso(scope);
  return changeEpisode(scope, episodeId, (episode) =>
    episode.archivedAt ? episode : { ...episode, archivedAt: at },
  );
}

export function restoreEpisode(scope: MemoryScope, episodeId: unknown): Promise<Episode> {
  return changeEpisode(scope, episodeId, ({ archivedAt: _archived, ...episode }) => episode);
}

/** Deletes an episode (NOT_FOUND when absent) and forgets any steps buffered for it. */
export async function deleteEpisode(scope: MemoryScope, episodeId: unknown): Promise<void> {
  const id = requireId(episodeId, 'episodeId');
  scope.runtime.stepBuffer.discard(scope.namespace, id);
  const deleted = await scope.runtime.storage.deleteEpisode(scope.namespace, id);
  if (!deleted) throw notFound('episode', id);
}

/** Updates description, metadata and/or labels. */
export function updateEpisode(
  scope: MemoryScope,
  episodeId: unknown,
  patch: UpdateEpisodeInput,
): Promise<Episode> {
  const parsed = parseInput(UpdateEpisodeInputSchema, patch, 'episode update');
  return changeEpisode(scope, episodeId, (episode) => ({
    ...episode,
    taskDescription: parsed.taskDescription ?? episode.taskDescription,
    metadata: parsed.metadata ?? episode.metadata,
    labels: parsed.labels ? [...new Set(parsed.labels)] : episode.labels,
  }));
}

/** Episodes matching the filter, newest first, paginated in the store. */
export function listEpisodes(
  scope: MemoryScope,
  filter: EpisodeListFilter = {},
  page: PageRequest = {},
): Promise<Page<Episode>> {
  const { text, ...rest } = parseInput(EpisodeListFilterSchema, filter, 'episode filter');
  const request = parseInput(PageRequestSchema, page, 'page');
  const storeFilter: EpisodeFilter =
    text === undefined ? rest : { ...rest, textTerms: distinctSearchTerms(text) };
  return scope.runtime.storage.listEpisodes(scope.namespace, storeFilter, request);
}
