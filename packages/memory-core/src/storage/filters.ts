import type { TaskType } from '../domain/context.js';
import type { OutcomeType } from '../domain/outcome.js';
import type { PatternType } from '../domain/pattern.js';
import type { RelationshipType } from '../domain/relationship.js';

/**
 * Which episodes `listEpisodes` returns; every field narrows, absent fields do not filter. An empty list
 * filters nothing either (in every filter of this file). Outcome and reward filters exclude episodes that
 * have no outcome or reward.
 */
export interface EpisodeFilter {
  taskTypes?: TaskType[];
  domains?: string[];
  /** Episodes carrying at least one of these labels. */
  labelsAny?: string[];
  /** Episodes carrying all of these labels. */
  labelsAll?: string[];
  /** Episodes whose context tags include all of these. */
  tags?: string[];
  /** Inclusive lower bound on `startedAt` (ISO-8601). */
  startedAfter?: string;
  /** Exclusive upper bound on `startedAt` (ISO-8601). */
  startedBefore?: string;
  outcomeTypes?: OutcomeType[];
  rewardMin?: number;
  rewardMax?: number;
  /** true: only completed; false: only open; absent: both. */
  completed?: boolean;
  /** Default `exclude`. */
  archived?: 'exclude' | 'include' | 'only';
  /** Search terms (from `searchTerms`); an episode matches when its search document holds every term. */
  textTerms?: string[];
}

/** Filters pushed into candidate search (retrieval). */
export interface CandidateFilter {
  domains?: string[];
  outcomeTypes?: OutcomeType[];
  taskTypes?: TaskType[];
  /** Default false: archived episodes are not candidates. */
  includeArchived?: boolean;
  /** Default true: only completed episodes are candidates. */
  completedOnly?: boolean;
}

export interface PatternFilter {
  types?: PatternType[];
  domains?: string[];
  /** Only patterns whose stats.occurrences ≥ this. */
  minOccurrences?: number;
}

export interface HeuristicFilter {
  domains?: string[];
  minConfidence?: number;
  minEvidence?: number;
}

export interface RelationshipQuery {
  /** `outgoing`: episodeId is the source; `incoming`: the target; default `both`. */
  direction?: 'outgoing' | 'incoming' | 'both';
  types?: RelationshipType[];
}

/** A search hit: the record id and a score where higher is better (comparable within one result list only). */
export interface ScoredId {
  id: string;
  score: number;
}
