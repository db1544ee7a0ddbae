import type {
  AppendStepsResult,
  CacheHealth,
  CacheMaintenance,
  CacheRegenerateReport,
  CacheStatistics,
  CacheSyncReport,
  CandidateFilter,
  EmbeddingTarget,
  Episode,
  EpisodeFilter,
  ExecutionStep,
  ExportOptions,
  ExportRecord,
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
  ProcedureObservation,
  RecommendationFeedback,
  RecommendationSession,
  Relationship,
  RelationshipQuery,
  StorageBackend,
} from '@slm/memory-core';
import { cacheHealth, cacheStatistics, regenerate, syncMemories } from './cache-maintenance.js';
import type { EpisodeCache } from './episode-cache.js';

/**
 * The decorator: every method reaches the durable store; episode reads go through the cache, and every write
 * that can change an episode record invalidates it after the durable write. Nothing else is cached, so every
 * other method is a plain delegation. After `close()` the cache is bypassed and the durable store answers
 * (with `UNAVAILABLE`).
 */
export class CachedStorage implements StorageBackend, CacheMaintenance {
  readonly kind: string;
  readonly #durable: StorageBackend;
  readonly #cache: EpisodeCache;
  readonly #maxEpisodes: number;
  #closed = false;

  constructor(cache: EpisodeCache, maxEpisodes: number) {
    this.#cache = cache;
    this.#durable = cache.durable;
    this.#maxEpisodes = maxEpisodes;
    this.kind = `cache(${cache.durable.kind})`;
  }

  // Episodes: cached reads, invalidating writes.

  async insertEpisode(episode: Episode): Promise<void> {
    // A new id has no entry; invalidating anyway is cheap and covers an id reused after a delete elsewhere.
    await this.#write(episode.namespace, [episode.id], () => this.#durable.insertEpisode(episode));
  }

  getEpisode(namespace: string, id: string): Promise<Episode | null> {
    if (this.#closed) return this.#durable.getEpisode(namespace, id);
    return this.#cache.getEpisode(namespace, id);
  }

  getEpisodes(namespace: string, ids: readonly string[]): Promise<Episode[]> {
    if (this.#closed) return this.#durable.getEpisodes(namespace, ids);
    return this.#cache.getEpisodes(namespace, ids);
  }

  appendSteps(
    namespace: string,
    episodeId: string,
    steps: readonly ExecutionStep[],
  ): Promise<AppendStepsResult> {
    return this.#write(namespace, [episodeId], () => this.#durable.appendSteps(namespace, episodeId, steps));
  }

  updateEpisode(episode: Episode, expectedVersion: number): Promise<Episode> {
    return this.#write(episode.namespace, [episode.id], () =>
      this.#durable.updateEpisode(episode, expectedVersion),
    );
  }

  completeEpisode(episode: Episode, expectedVersion: number): Promise<Episode> {
    return this.#write(episode.namespace, [episode.id], () =>
      this.#durable.completeEpisode(episode, expectedVersion),
    );
  }

  deleteEpisode(namespace: string, id: string): Promise<boolean> {
    return this.#write(namespace, [id], () => this.#durable.deleteEpisode(namespace, id));
  }

  listEpisodes(namespace: string, filter: EpisodeFilter, page?: PageRequest): Promise<Page<Episode>> {
    return this.#durable.listEpisodes(namespace, filter, page);
  }

  findEpisodeByCheckpoint(namespace: string, checkpointId: string): Promise<Episode | null> {
    return this.#durable.findEpisodeByCheckpoint(namespace, checkpointId);
  }

  // Patterns and heuristics: not cached.

  upsertPatterns(contributions: readonly PatternContribution[]): Promise<Pattern[]> {
    return this.#durable.upsertPatterns(contributions);
  }

  getPattern(namespace: string, id: string): Promise<Pattern | null> {
    return this.#durable.getPattern(namespace, id);
  }

  getPatterns(namespace: string, ids: readonly string[]): Promise<Pattern[]> {
    return this.#durable.getPatterns(namespace, ids);
  }

  listPatterns(namespace: string, filter: PatternFilter, page?: PageRequest): Promise<Page<Pattern>> {
    return this.#durable.listPatterns(namespace, filter, page);
  }

  recordPatternUsage(namespace: string, usage: readonly PatternUsage[]): Promise<void> {
    return this.#durable.recordPatternUsage(namespace, usage);
  }

  upsertHeuristics(contributions: readonly HeuristicContribution[]): Promise<Heuristic[]> {
    return this.#durable.upsertHeuristics(contributions);
  }

  getHeuristics(namespace: string, ids: readonly string[]): Promise<Heuristic[]> {
    return this.#durable.getHeuristics(namespace, ids);
  }

  listHeuristics(namespace: string, filter: HeuristicFilter, page?: PageRequest): Promise<Page<Heuristic>> {
    return this.#durable.listHeuristics(namespace, filter, page);
  }

  // Search and embeddings: not cached (embeddings are not part of the episode record).

  saveEmbedding(namespace: string, target: EmbeddingTarget, id: string, vector: Float32Array): Promise<void> {
    return this.#durable.saveEmbedding(namespace, target, id, vector);
  }

  getEmbeddings(
    namespace: string,
    target: EmbeddingTarget,
    ids: readonly string[],
  ): Promise<Map<string, Float32Array>> {
    return this.#durable.getEmbeddings(namespace, target, ids);
  }

  searchEpisodesByText(namespace: string, terms: readonly string[], filter: CandidateFilter, limit: number) {
    return this.#durable.searchEpisodesByText(namespace, terms, filter, limit);
  }

  searchEpisodesByVector(namespace: string, vector: Float32Array, filter: CandidateFilter, limit: number) {
    return this.#durable.searchEpisodesByVector(namespace, vector, filter, limit);
  }

  searchPatternsByText(namespace: string, terms: readonly string[], filter: PatternFilter, limit: number) {
    return this.#durable.searchPatternsByText(namespace, terms, filter, limit);
  }

  searchPatternsByVector(namespace: string, vector: Float32Array, filter: PatternFilter, limit: number) {
    return this.#durable.searchPatternsByVector(namespace, vector, filter, limit);
  }

  observeProcedure(namespace: string, observation: ProcedureObservation): Promise<boolean> {
    return this.#durable.observeProcedure(namespace, observation);
  }

  getProcedureCounts(namespace: string, terms: readonly string[]) {
    return this.#durable.getProcedureCounts(namespace, terms);
  }

  // Relationships and recommendations live outside the episode record.

  addRelationship(relationship: Relationship): Promise<Relationship> {
    return this.#durable.addRelationship(relationship);
  }

  removeRelationship(namespace: string, id: string): Promise<boolean> {
    return this.#durable.removeRelationship(namespace, id);
  }

  listRelationships(
    namespace: string,
    episodeId: string,
    query?: RelationshipQuery,
  ): Promise<Relationship[]> {
    return this.#durable.listRelationships(namespace, episodeId, query);
  }

  insertRecommendationSession(session: RecommendationSession): Promise<void> {
    return this.#durable.insertRecommendationSession(session);
  }

  getRecommendationSession(namespace: string, id: string): Promise<RecommendationSession | null> {
    return this.#durable.getRecommendationSession(namespace, id);
  }

  getRecommendationFeedback(namespace: string, sessionId: string): Promise<RecommendationFeedback | null> {
    return this.#durable.getRecommendationFeedback(namespace, sessionId);
  }

  insertRecommendationFeedback(
    feedback: RecommendationFeedback,
    usage: readonly PatternUsage[],
  ): Promise<void> {
    return this.#durable.insertRecommendationFeedback(feedback, usage);
  }

  recommendationStats(namespace: string) {
    return this.#durable.recommendationStats(namespace);
  }

  // Admin.

  stats(namespace: string) {
    return this.#durable.stats(namespace);
  }

  getMeta(key: string): Promise<string | null> {
    return this.#durable.getMeta(key);
  }

  setMeta(key: string, value: string): Promise<void> {
    return this.#durable.setMeta(key, value);
  }

  countRecords(options: ExportOptions) {
    return this.#durable.countRecords(options);
  }

  exportRecords(options: ExportOptions): AsyncIterable<ExportRecord> {
    return this.#durable.exportRecords(options);
  }

  async importRecords(records: readonly ExportRecord[]): Promise<ImportSummary> {
    try {
      return await this.#durable.importRecords(records);
    } finally {
      // Imported episodes replace stored ones by id: invalidate each, namespace by namespace.
      for (const [namespace, ids] of importedEpisodes(records)) await this.#invalidate(namespace, ids);
    }
  }

  /** The durable store's health: the cache being down does not make storage unhealthy (see `cacheHealth`). */
  healthCheck() {
    return this.#durable.healthCheck();
  }

  async close(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true;
      await this.#cache.store.close();
    }
    await this.#durable.close();
  }

  // CacheMaintenance.

  syncMemories(namespace?: string): Promise<CacheSyncReport> {
    return syncMemories(this.#cache, namespace);
  }

  regenerate(namespace: string, warm = 100): Promise<CacheRegenerateReport> {
    return regenerate(this.#cache, namespace, warm, this.#maxEpisodes);
  }

  cacheStatistics(): Promise<CacheStatistics> {
    return cacheStatistics(this.#cache);
  }

  cacheHealth(): Promise<CacheHealth> {
    return cacheHealth(this.#cache);
  }

  /** Durable write first; then invalidate, also when the write failed (it may have committed). */
  async #write<T>(namespace: string, ids: readonly string[], write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } finally {
      await this.#invalidate(namespace, ids);
    }
  }

  async #invalidate(namespace: string, ids: readonly string[]): Promise<void> {
    if (!this.#closed) await this.#cache.invalidate(namespace, ids);
  }
}

function importedEpisodes(records: readonly ExportRecord[]): Map<string, string[]> {
  const byNamespace = new Map<string, string[]>();
  for (const record of records) {
    if (record.type !== 'episode') continue;
    const ids = byNamespace.get(record.record.namespace) ?? [];
    ids.push(record.record.id);
    byNamespace.set(record.record.namespace, ids);
  }
  return byNamespace;
}
