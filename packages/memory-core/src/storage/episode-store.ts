import type { Episode } from '../domain/episode.js';
import type { ExecutionStep } from '../domain/step.js';
import type { EpisodeFilter } from './filters.js';
import type { Page, PageRequest } from './page.js';

export interface AppendStepsResult {
  /** Steps newly written. */
  appended: number;
  /** Steps already stored with identical content (idempotent retries). */
  unchanged: number;
  /** Steps the episode holds after the append. */
  stepCount: number;
}

/**
 * Episodes and their steps. Steps live apart from the episode record: appending never rewrites the episode.
 * Every read returns episodes with their steps ordered by `stepNumber`.
 */
export interface EpisodeStore {
  /**
   * Persists a new episode (with any steps it carries) and resolves once it is durable.
   * Fails with `CONFLICT` when an episode with this id exists in any namespace.
   */
  insertEpisode(episode: Episode): Promise<void>;

  /** The episode with its steps, or `null` when it does not exist in this namespace. */
  getEpisode(namespace: string, id: string): Promise<Episode | null>;

  /**
   * The episodes that exist among `ids`, in the order of `ids`; absent ids are skipped. At most 500 ids (more:
   * `VALIDATION_FAILED`).
   */
  getEpisodes(namespace: string, ids: readonly string[]): Promise<Episode[]>;

  /**
   * Appends steps in one atomic write. A step whose number is already stored with identical content (see
   * `sameStepContent`) is a no-op; with different content the whole call fails with `CONFLICT` and writes
   * nothing. Fails with `NOT_FOUND` for an unknown episode, `CONFLICT` for a completed one, and
   * `VALIDATION_FAILED` when the episode would exceed 1,000 steps.
   */
  appendSteps(
    namespace: string,
    episodeId: string,
    steps: readonly ExecutionStep[],
  ): Promise<AppendStepsResult>;

  /**
   * Replaces the mutable parts of an episode (everything but id, namespace, startedAt and steps) when the
   * stored `version` equals `expectedVersion`, storing `expectedVersion + 1`; returns the stored episode.
   * Fails with `NOT_FOUND` when absent and `CONFLICT` when the version differs (optimistic concurrency).
   * Labels and the full-text document are kept in sync with the record.
   */
  updateEpisode(episode: Episode, expectedVersion: number): Promise<Episode>;

  /**
   * Marks an open episode completed with everything computed at completion (endedAt, outcome, reward, …),
   * under the same version rule as `updateEpisode`. Additionally fails with `CONFLICT` when the stored
   * episode is already completed or holds steps that `episode.steps` does not (a step raced the completion),
   * and with `VALIDATION_FAILED` when `episode.endedAt` is absent. Stored steps are kept as they are.
   */
  completeEpisode(episode: Episode, expectedVersion: number): Promise<Episode>;

  /**
   * Deletes an episode with its steps, embedding, labels and relationships, and removes its id from the
   * evidence of patterns and heuristics (their counts stay). Returns false when it did not exist.
   */
  deleteEpisode(namespace: string, id: string): Promise<boolean>;

  /**
   * Episodes matching `filter`, newest first (`startedAt` desc, then id desc), paginated in the store.
   */
  listEpisodes(namespace: string, filter: EpisodeFilter, page?: PageRequest): Promise<Page<Episode>>;

  /** The episode holding the checkpoint with this id, or `null`. */
  findEpisodeByCheckpoint(namespace: string, checkpointId: string): Promise<Episode | null>;
}
