import type {
  AppendStepsResult,
  CandidateFilter,
  EmbeddingTarget,
  Episode,
  EpisodeFilter,
  ExecutionStep,
  ExportOptions,
  ExportRecord,
  ExportRecordType,
  HealthStatus,
  Heuristic,
  HeuristicContribution,
  HeuristicFilter,
  ImportSummary,
  Page,
  PageRequest,
  Pattern,
  PatternContribution,
  PatternFilter,
  PatternUsage,
  ProcedureCounts,
  ProcedureObservation,
  RecommendationFeedback,
  RecommendationSession,
  RecommendationStats,
  Relationship,
  RelationshipQuery,
  ScoredId,
  StorageBackend,
  StorageStats,
} from '@slm/memory-core';
import { countRecords as countExportRecords, exportRecords } from './admin/export.js';
import { importRecords } from './admin/import.js';
import { getMeta, setMeta } from './admin/meta.js';
import { storageStats } from './admin/stats.js';
import { stepAppender } from './episodes/append-steps.js';
import { deleteEpisodeRows } from './episodes/delete-episode.js';
import { episodeBytes, insertEpisodeRows } from './episodes/insert-episode.js';
import { listEpisodes } from './episodes/list-episodes.js';
import { findEpisodeByCheckpoint, getEpisode, getEpisodes } from './episodes/read-episodes.js';
import { completeEpisodeRow, updateEpisodeRow } from './episodes/versioned-write.js';
import { getHeuristics, listHeuristics } from './heuristics/read-heuristics.js';
import { upsertHeuristicRows } from './heuristics/upsert-heuristics.js';
import type { MigrationReport } from './migrations/migrate.js';
import { patternUsageStatements } from './patterns/pattern-usage.js';
import { getPattern, getPatterns, listPatterns } from './patterns/read-patterns.js';
import { upsertPatternRows } from './patterns/upsert-patterns.js';
import { getProcedureCounts, observeProcedure } from './procedure/procedure-prior.js';
import * as recommendations from './recommendations/recommendations.js';
import * as relationships from './relationships/relationships.js';
import { getEmbeddings, saveEmbedding } from './search/embeddings.js';
import { TermStatistics } from './search/term-statistics.js';
import { searchEpisodesByText, searchPatternsByText } from './search/text-search.js';
import { searchEpisodesByVector, searchPatternsByVector } from './search/vector-search.js';
import type { Database } from './sql/database.js';
import type { GroupCommitStatistics } from './sql/group-commit.js';
import type { ReadStatistics } from './sql/read-threads.js';
import type { PoolStatistics } from './sql/request-pool.js';

/** `libsql-file`, `libsql-remote` (Turso) or `libsql-replica` (a local file replicating a Turso primary). */
export type TursoStorageKind = 'libsql-file' | 'libsql-remote' | 'libsql-replica';

/**
 * The `StorageBackend` on libSQL. Every method is one database round trip where the port allows it; writes go
 * through group commit and resolve once committed. See the package README for the guarantees.
 */
export class TursoStorage implements StorageBackend {
  /** Document frequencies of search terms, for dropping the ones that cannot change a ranking. */
  private readonly episodeTermStatistics = new TermStatistics('episode_fts');
  private readonly patternTermStatistics = new TermStatistics('pattern_fts');

  constructor(
    readonly kind: TursoStorageKind,
    private readonly database: Database,
    /** The embedding dimension of the vector columns. */
    readonly embeddingDimensions: number,
    /** What opening did to the schema: versions before and after, migrations applied. */
    readonly migration: MigrationReport,
  ) {}

  /** The schema version of the open database (the code's, once migrated). */
  get schemaVersion(): number {
    return this.migration.to;
  }

  // Episodes

  insertEpisode(episode: Episode): Promise<void> {
    return this.database.write(
      'insertEpisode',
      (runner) => insertEpisodeRows(runner, episode),
      episodeBytes(episode),
    );
  }

  getEpisode(namespace: string, id: string): Promise<Episode | null> {
    return getEpisode(this.database, namespace, id);
  }

  getEpisodes(namespace: string, ids: readonly string[]): Promise<Episode[]> {
    return getEpisodes(this.database, namespace, ids);
  }

  appendSteps(
    namespace: string,
    episodeId: string,
    steps: readonly ExecutionStep[],
  ): Promise<AppendStepsResult> {
    return this.database.writeCombined(
      'appendSteps',
      stepAppender,
      { namespace, episodeId, steps },
      steps.length * 512,
    );
  }

  updateEpisode(episode: Episode, expectedVersion: number): Promise<Episode> {
    return this.database.write('updateEpisode', (runner) =>
      updateEpisodeRow(runner, episode, expectedVersion),
    );
  }

  completeEpisode(episode: Episode, expectedVersion: number): Promise<Episode> {
    return this.database.write(
      'completeEpisode',
      (runner) => completeEpisodeRow(runner, episode, expectedVersion),
      episodeBytes(episode),
    );
  }

  deleteEpisode(namespace: string, id: string): Promise<boolean> {
    return this.database.write('deleteEpisode', (runner) => deleteEpisodeRows(runner, namespace, id));
  }

  listEpisodes(namespace: string, filter: EpisodeFilter, page?: PageRequest): Promise<Page<Episode>> {
    return listEpisodes(this.database, namespace, filter, page);
  }

  findEpisodeByCheckpoint(namespace: string, checkpointId: string): Promise<Episode | null> {
    return findEpisodeByCheckpoint(this.database, namespace, checkpointId);
  }

  // Patterns and heuristics

  upsertPatterns(contributions: readonly PatternContribution[]): Promise<Pattern[]> {
    return this.database.write(
      'upsertPatterns',
      (runner) => upsertPatternRows(runner, contributions),
      contributions.length * 256,
    );
  }

  getPattern(namespace: string, id: string): Promise<Pattern | null> {
    return getPattern(this.database, namespace, id);
  }

  getPatterns(namespace: string, ids: readonly string[]): Promise<Pattern[]> {
    return getPatterns(this.database, namespace, ids);
  }

  listPatterns(namespace: string, filter: PatternFilter, page?: PageRequest): Promise<Page<Pattern>> {
    return listPatterns(this.database, namespace, filter, page);
  }

  async recordPatternUsage(namespace: string, usage: readonly PatternUsage[]): Promise<void> {
    this.database.assertOpen('recordPatternUsage');
    if (usage.length === 0) return;
    await this.database.write('recordPatternUsage', async (runner) => {
      await runner.batch(patternUsageStatements(namespace, usage));
    });
  }

  upsertHeuristics(contributions: readonly HeuristicContribution[]): Promise<Heuristic[]> {
    return this.database.write(
      'upsertHeuristics',
      (runner) => upsertHeuristicRows(runner, contributions),
      contributions.length * 256,
    );
  }

  getHeuristics(namespace: string, ids: readonly string[]): Promise<Heuristic[]> {
    return getHeuristics(this.database, namespace, ids);
  }

  listHeuristics(namespace: string, filter: HeuristicFilter, page?: PageRequest): Promise<Page<Heuristic>> {
    return listHeuristics(this.database, namespace, filter, page);
  }

  // Search

  saveEmbedding(namespace: string, target: EmbeddingTarget, id: string, vector: Float32Array): Promise<void> {
    return saveEmbedding(this.database, this.embeddingDimensions, namespace, target, id, vector);
  }

  getEmbeddings(
    namespace: string,
    target: EmbeddingTarget,
    ids: readonly string[],
  ): Promise<Map<string, Float32Array>> {
    return getEmbeddings(this.database, this.embeddingDimensions, namespace, target, ids);
  }

  searchEpisodesByText(
    namespace: string,
    terms: readonly string[],
    filter: CandidateFilter,
    limit: number,
  ): Promise<ScoredId[]> {
    return searchEpisodesByText(this.database, this.episodeTermStatistics, namespace, terms, filter, limit);
  }

  searchEpisodesByVector(
    namespace: string,
    vector: Float32Array,
    filter: CandidateFilter,
    limit: number,
  ): Promise<ScoredId[]> {
    return searchEpisodesByVector(this.database, this.embeddingDimensions, namespace, vector, filter, limit);
  }

  searchPatternsByText(
    namespace: string,
    terms: readonly string[],
    filter: PatternFilter,
    limit: number,
  ): Promise<ScoredId[]> {
    return searchPatternsByText(this.database, this.patternTermStatistics, namespace, terms, filter, limit);
  }

  searchPatternsByVector(
    namespace: string,
    vector: Float32Array,
    filter: PatternFilter,
    limit: number,
  ): Promise<ScoredId[]> {
    return searchPatternsByVector(this.database, this.embeddingDimensions, namespace, vector, filter, limit);
  }

  // Procedure prior

  observeProcedure(namespace: string, observation: ProcedureObservation): Promise<boolean> {
    return observeProcedure(this.database, namespace, observation);
  }

  getProcedureCounts(namespace: string, terms: readonly string[]): Promise<ProcedureCounts> {
    return getProcedureCounts(this.database, namespace, terms);
  }

  // Relationships

  addRelationship(relationship: Relationship): Promise<Relationship> {
    return relationships.addRelationship(this.database, relationship);
  }

  removeRelationship(namespace: string, id: string): Promise<boolean> {
    return relationships.removeRelationship(this.database, namespace, id);
  }

  listRelationships(
    namespace: string,
    episodeId: string,
    query?: RelationshipQuery,
  ): Promise<Relationship[]> {
    return relationships.listRelationships(this.database, namespace, episodeId, query);
  }

  // Recommendations

  insertRecommendationSession(session: RecommendationSession): Promise<void> {
    return recommendations.insertRecommendationSession(this.database, session);
  }

  getRecommendationSession(namespace: string, id: string): Promise<RecommendationSession | null> {
    return recommendations.getRecommendationSession(this.database, namespace, id);
  }

  getRecommendationFeedback(namespace: string, sessionId: string): Promise<RecommendationFeedback | null> {
    return recommendations.getRecommendationFeedback(this.database, namespace, sessionId);
  }

  insertRecommendationFeedback(
    feedback: RecommendationFeedback,
    usage: readonly PatternUsage[],
  ): Promise<void> {
    return recommendations.insertRecommendationFeedback(this.database, feedback, usage);
  }

  recommendationStats(namespace: string): Promise<RecommendationStats> {
    return recommendations.recommendationStats(this.database, namespace);
  }

  // Admin

  stats(namespace: string): Promise<StorageStats> {
    return storageStats(this.database, namespace);
  }

  getMeta(key: string): Promise<string | null> {
    return getMeta(this.database, key);
  }

  setMeta(key: string, value: string): Promise<void> {
    return setMeta(this.database, key, value);
  }

  countRecords(options: ExportOptions): Promise<Record<ExportRecordType, number>> {
    return countExportRecords(this.database, options);
  }

  exportRecords(options: ExportOptions): AsyncIterable<ExportRecord> {
    return exportRecords(this.database, options);
  }

  importRecords(records: readonly ExportRecord[]): Promise<ImportSummary> {
    return importRecords(this.database, records);
  }

  healthCheck(): Promise<HealthStatus> {
    return this.database.healthCheck();
  }

  close(): Promise<void> {
    return this.database.close();
  }

  // Beyond the port: measurements for metrics and operators.

  /** The request pool, measured: active, idle, waiting, checkouts, checkout wait p95, health checks. */
  poolStatistics(): PoolStatistics {
    return this.database.poolStatistics();
  }

  /** Where reads ran: the read threads' state, and reads served on them and on the main thread. */
  readStatistics(): ReadStatistics {
    return this.database.readStatistics();
  }

  /** Group commit, measured: transactions, writes, largest batch, retries. */
  writeStatistics(): GroupCommitStatistics {
    return this.database.writeStatistics();
  }
}
