import type { Checkpoint } from '../domain/checkpoint.js';
import type { Episode } from '../domain/episode.js';
import type { ExportRecord } from '../domain/export-record.js';
import type { HandoffPack } from '../domain/handoff.js';
import type { Heuristic } from '../domain/heuristic.js';
import type { TaskOutcomeInput } from '../domain/outcome.js';
import type { Pattern } from '../domain/pattern.js';
import type { RecommendationFeedback, RecommendationStats } from '../domain/recommendation.js';
import type { Relationship } from '../domain/relationship.js';
import type { StepInput } from '../domain/step.js';
import type { ExportOptions, HealthStatus, ImportSummary } from '../storage/admin-store.js';
import type { CacheRegenerateReport, CacheStatistics, CacheSyncReport } from '../storage/capabilities.js';
import type { HeuristicFilter, PatternFilter, RelationshipQuery } from '../storage/filters.js';
import type { Page, PageRequest } from '../storage/page.js';
import type {
  AnalogousPatternsInput,
  CheckpointInput,
  EpisodeListFilter,
  FeedbackInput,
  PatternQueryInput,
  RecommendPatternsInput,
  RecommendPlaybookInput,
  RelationshipInput,
  ResumeFromHandoffInput,
  RetrieveContextInput,
  StartEpisodeInput,
  UpdateEpisodeInput,
} from './inputs.js';
import type {
  LogStepsResult,
  MemoryStats,
  PatternExplanation,
  PatternRecommendations,
  PlaybookRecommendations,
  RankedPattern,
  RetrievedContext,
} from './results.js';

export interface ReindexReport {
  episodes: number;
  patterns: number;
  provider: string;
  dimensions: number;
}

export interface MemoryHealth {
  status: 'ok' | 'degraded' | 'down';
  storage: HealthStatus & { kind: string };
  cache: (HealthStatus & { state: 'ok' | 'degraded' }) | null;
}

/**
 * The self-learning memory of one namespace. Every method validates its input with zod and throws
 * `MemoryError('VALIDATION_FAILED')` naming the field; unknown ids throw `NOT_FOUND`.
 */
export interface SelfLearningMemory {
  readonly namespace: string;

  /** The same memory (storage, buffers, embeddings) scoped to another namespace. */
  withNamespace(namespace: string): SelfLearningMemory;

  // Episode lifecycle
  /** Starts and persists an episode before returning it. */
  startEpisode(input: StartEpisodeInput): Promise<Episode>;
  /** Logs one step. `durable`: resolves after commit; `batched`: buffered, flushed by size, timer, completion or close. */
  logStep(episodeId: string, step: StepInput): Promise<LogStepsResult>;
  logSteps(episodeId: string, steps: readonly StepInput[]): Promise<LogStepsResult>;
  /** Completes an episode and learns from it. Idempotent for the same outcome; `CONFLICT` for a different one. */
  completeEpisode(episodeId: string, outcome: TaskOutcomeInput): Promise<Episode>;
  /** Runs the learning pipeline again for a completed episode (e.g. after a learning failure). */
  relearn(episodeId: string): Promise<Episode>;
  getEpisode(episodeId: string): Promise<Episode>;
  /** Episodes matching the filter, newest first; `text` matches episodes holding every term. */
  listEpisodes(filter?: EpisodeListFilter, page?: PageRequest): Promise<Page<Episode>>;
  updateEpisode(episodeId: string, patch: UpdateEpisodeInput): Promise<Episode>;
  archiveEpisode(episodeId: string): Promise<Episode>;
  restoreEpisode(episodeId: string): Promise<Episode>;
  deleteEpisode(episodeId: string): Promise<void>;

  // Labels
  addLabels(episodeId: string, labels: readonly string[]): Promise<Episode>;
  removeLabels(episodeId: string, labels: readonly string[]): Promise<Episode>;

  // Checkpoints and handoff
  checkpointEpisode(episodeId: string, input: CheckpointInput): Promise<Checkpoint>;
  getHandoffPack(checkpointId: string): Promise<HandoffPack>;
  /** Starts a new episode continuing the work of a checkpoint, linked to it with a `follows` relationship. */
  resumeFromHandoff(input: ResumeFromHandoffInput): Promise<Episode>;

  // Relationships
  addRelationship(input: RelationshipInput): Promise<Relationship>;
  removeRelationship(relationshipId: string): Promise<void>;
  getRelationships(episodeId: string, query?: RelationshipQuery): Promise<Relationship[]>;

  // Retrieval and recommendations
  /** The one call an agent makes before a task. */
  retrieveContext(input: RetrieveContextInput): Promise<RetrievedContext>;
  searchPatterns(input: PatternQueryInput): Promise<RankedPattern[]>;
  recommendPatterns(input: RecommendPatternsInput): Promise<PatternRecommendations>;
  recommendPlaybook(input: RecommendPlaybookInput): Promise<PlaybookRecommendations>;
  discoverAnalogousPatterns(input: AnalogousPatternsInput): Promise<RankedPattern[]>;
  explainPattern(patternId: string): Promise<PatternExplanation>;
  getPattern(patternId: string): Promise<Pattern>;
  listPatterns(filter?: PatternFilter, page?: PageRequest): Promise<Page<Pattern>>;
  listHeuristics(filter?: HeuristicFilter, page?: PageRequest): Promise<Page<Heuristic>>;

  // Feedback
  recordFeedback(sessionId: string, feedback: FeedbackInput): Promise<RecommendationFeedback>;
  recommendationStats(): Promise<RecommendationStats>;

  // Operations
  stats(): Promise<MemoryStats>;
  health(): Promise<MemoryHealth>;
  /** Reconciles the cache with the durable store; zero counts when there is no cache. */
  syncMemories(): Promise<CacheSyncReport>;
  regenerateCache(warm?: number): Promise<CacheRegenerateReport>;
  cacheStatistics(): Promise<CacheStatistics | null>;
  exportRecords(
    options?: Omit<ExportOptions, 'namespace'> & { allNamespaces?: boolean },
  ): AsyncIterable<ExportRecord>;
  countRecords(
    options?: Omit<ExportOptions, 'namespace'> & { allNamespaces?: boolean },
  ): Promise<Record<string, number>>;
  /** Imports validated records (upsert by id), then indexes them for search. */
  importRecords(records: readonly ExportRecord[]): Promise<ImportSummary>;
  /** Re-embeds every episode and pattern of every namespace with the current provider. */
  reindex(onProgress?: (done: number) => void): Promise<ReindexReport>;
  /** Writes buffered steps now. */
  flush(): Promise<void>;
  /** Flushes buffers, stops timers and closes the storage. Idempotent. */
  close(): Promise<void>;
}
