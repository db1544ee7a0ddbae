import type { Heuristic, HeuristicContribution } from '../domain/heuristic.js';
import type { Pattern, PatternContribution } from '../domain/pattern.js';
import type { HeuristicFilter, PatternFilter } from './filters.js';
import type { Page, PageRequest } from './page.js';

/** A change to a pattern's measured effectiveness; counters add, never overwrite. */
export interface PatternUsage {
  patternId: string;
  retrieved?: number;
  applied?: number;
  /** Success value of applications (fractional for partial outcomes). */
  succeeded?: number;
  failed?: number;
  /** Reward delta of this application; folded into the running average over applications. */
  rewardDelta?: number;
  at: string;
}

/** Patterns, merged by similarity key inside the store. */
export interface PatternStore {
  /**
   * Stores each contribution in one atomic write: when a pattern with the same `(namespace, similarityKey)`
   * exists it is merged inside the store (occurrences and successes add, failures = occurrences − successes,
   * `avgLatencyMs` is weighted by occurrences, the episode id is appended to `sourceEpisodeIds` keeping the
   * newest 50, `updatedAt` advances); otherwise the pattern is created with `newId`, empty effectiveness and
   * the contribution's content. Returns the stored pattern for each contribution, in order. Concurrent
   * writers never lose an update.
   *
   * Idempotent per episode: a contribution whose `episodeId` is already among the pattern's
   * `sourceEpisodeIds` is not counted again and the pattern is returned unchanged, so re-learning an episode
   * (`relearn`, a retried completion) never inflates counts. The reference arithmetic is `merge.ts`.
   */
  upsertPatterns(contributions: readonly PatternContribution[]): Promise<Pattern[]>;

  /** The pattern, or `null`. */
  getPattern(namespace: string, id: string): Promise<Pattern | null>;

  /** The patterns that exist among `ids`, in the order of `ids`. At most 500 ids. */
  getPatterns(namespace: string, ids: readonly string[]): Promise<Pattern[]>;

  /** Patterns matching `filter`, most occurrences first (then id), paginated in the store. */
  listPatterns(namespace: string, filter: PatternFilter, page?: PageRequest): Promise<Page<Pattern>>;

  /**
   * Adds usage counts to patterns' effectiveness atomically; `lastUsedAt` becomes `at`. `avgRewardDelta`
   * becomes the mean over applications, `(avg · timesApplied + rewardDelta · applied) / (timesApplied +
   * applied)`; a `rewardDelta` without `applied` changes nothing. Several entries for one pattern all apply.
   * Unknown ids (and ids of other namespaces) are ignored: a pattern may have gone since it was recommended.
   */
  recordPatternUsage(namespace: string, usage: readonly PatternUsage[]): Promise<void>;
}

/** Heuristics, merged by normalised key inside the store. */
export interface HeuristicStore {
  /**
   * Stores each contribution atomically: an existing heuristic with the same `(namespace, key)` gains the
   * evidence (successes and total add, the episode id is appended keeping the newest 50) and its confidence is
   * recomputed as `wilsonLowerBound(successes, total)`; otherwise it is created with `newId`. Returns the
   * stored heuristic for each contribution, in order. Idempotent per episode like `upsertPatterns`: an episode
   * already among `evidence.episodeIds` is not counted again.
   */
  upsertHeuristics(contributions: readonly HeuristicContribution[]): Promise<Heuristic[]>;

  /** The heuristics that exist among `ids`, in the order of `ids`. */
  getHeuristics(namespace: string, ids: readonly string[]): Promise<Heuristic[]>;

  /** Heuristics matching `filter`, highest confidence first (then id), paginated in the store. */
  listHeuristics(namespace: string, filter: HeuristicFilter, page?: PageRequest): Promise<Page<Heuristic>>;
}
