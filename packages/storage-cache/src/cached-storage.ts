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
  ScoredId,
  StorageBackend,
} from '@slm/memory-core';
import {
  cacheHealth,
  cacheStatistics,
  regenerate,
  type SearchCacheStatistics,
  searchCacheStatistics,
  syncMemories,
} from './cache-maintenance.js';
import type { EpisodeCache } from './episode-cache.js';
import type { SearchCache } from './search/search-cache.js';
import type { SearchRequest } from './search/search-request.js';

/**
 * The decorator: every method reaches the durable store. Episode reads and the four candidate searches go
 * through the cache; every write that can change an episode record invalidates it, and every write that can
 * change a search result bumps its namespace's search generation, after the durable write (also when it failed:
 * it may have committed). Everything else is a plain delegation. After `close()` the cache is bypassed and the
 * durable store answers (with `UNAVAILABLE`).
 *
 * Which writes bump (search results are ids and scores of episodes or patterns that match the terms or lie
 * near the vector, after the candidate filters):
 * - every episode write — insert, append steps, update (archiving included), complete, delete — since the
 *   record, its search document, its filter columns or its existence change. Appended steps add tool and action
 *   terms that `completedOnly: false` searches see, and they lengthen the namespace's documents, which moves
 *   BM25 scores of completed episodes too;
 * - `saveEmbedding` (vector search), `upsertPatterns` (new patterns, merged content, occurrences for
 *   `minOccurrences`), and imports of episodes and patterns.
 * Not bumping: pattern usage and recommendation feedback (they change effectiveness counters, which neither
 * the pattern filters nor the ranking read), heuristics (never searched), relationships, recommendation
 * sessions, procedure observations and meta.
 * Beyond any namespace's generation: libSQL keeps one FTS5 index for all namespaces, so writes elsewhere (and
 * its lazy folding of appended steps) shift BM25 corpus statistics and thus text-search scores (and with them
 * the order and the cut at `limit`) for at most the search TTL (≤ 300 s). Which records match and pass the
 * filters always follows the namespace's own writes at once.
 */
export class CachedStorage implements StorageBackend, CacheMaintenance {
  readonly kind: string;
  readonly #durable: StorageBackend;
  readonly #cache: EpisodeCache;
  readonly #searches: SearchCache;
  readonly #maxEpisodes: number;
  #closed = false;

  constructor(cache: EpisodeCache, searches: SearchCache, maxEpisodes: number) {
    this.#cache = cache;
    this.#searches = searches;
    this.#durable = cache.durable;
    this.#maxEpisodes = maxEpisodes;
    this.kind = `cache(${cache.durable.kind})`;
  }

  // Episodes: cached reads; writes invalidate the episode and bump the search generation.

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

  // Patterns and heuristics: not cached; pattern upserts change pattern searches.

  upsertPatterns(contributions: readonly PatternContribution[]): Promise<Pattern[]> {
    const namespaces = contributions.map((contribution) => contribution.namespace);
    return this.#changingSearches(namespaces, () => this.#durable.upsertPatterns(contributions));
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

  /** Effectiveness counters only: no search filter or ranking reads them, so no bump. */
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

  // Search: cached per namespace and generation. Embeddings are not part of the episode record, but a saved
  // one changes vector searches.

  saveEmbedding(namespace: string, target: EmbeddingTarget, id: string, vector: Float32Array): Promise<void> {
    return this.#changingSearches([namespace], () =>
      this.#durable.saveEmbedding(namespace, target, id, vector),
    );
  }

  getEmbeddings(
    namespace: string,
    target: EmbeddingTarget,
    ids: readonly string[],
  ): Promise<Map<string, Float32Array>> {
    return this.#durable.getEmbeddings(namespace, target, ids);
  }

  searchEpisodesByText(
    namespace: string,
    terms: readonly string[],
    filter: CandidateFilter,
    limit: number,
  ): Promise<ScoredId[]> {
    return this.#search({ method: 'searchEpisodesByText', namespace, query: terms, filter, limit }, () =>
      this.#durable.searchEpisodesByText(namespace, terms, filter, limit),
    );
  }

  searchEpisodesByVector(
    namespace: string,
    vector: Float32Array,
    filter: CandidateFilter,
    limit: number,
  ): Promise<ScoredId[]> {
    return this.#search({ method: 'searchEpisodesByVector', namespace, query: vector, filter, limit }, () =>
      this.#durable.searchEpisodesByVector(namespace, vector, filter, limit),
    );
  }

  searchPatternsByText(
    namespace: string,
    terms: readonly string[],
    filter: PatternFilter,
    limit: number,
  ): Promise<ScoredId[]> {
    return this.#search({ method: 'searchPatternsByText', namespace, query: terms, filter, limit }, () =>
      this.#durable.searchPatternsByText(namespace, terms, filter, limit),
    );
  }

  searchPatternsByVector(
    namespace: string,
    vector: Float32Array,
    filter: PatternFilter,
    limit: number,
  ): Promise<ScoredId[]> {
    return this.#search({ method: 'searchPatternsByVector', namespace, query: vector, filter, limit }, () =>
      this.#durable.searchPatternsByVector(namespace, vector, filter, limit),
    );
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

  /** Applies pattern usage like `recordPatternUsage`: no bump. */
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
      for (const namespace of searchableNamespaces(records)) await this.#bump(namespace);
    }
  }

  /** The durable store's health: the cache being down does not make storage unhealthy (see `cacheHealth`). */
  healthCheck() {
    return this.#durable.healthCheck();
  }

  async close(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true;
      await this.#searches.store.close();
      await this.#cache.store.close();
    }
    await this.#durable.close();
  }

  // CacheMaintenance.

  syncMemories(namespace?: string): Promise<CacheSyncReport> {
    return syncMemories(this.#cache, this.#searches, namespace);
  }

  regenerate(namespace: string, warm = 100): Promise<CacheRegenerateReport> {
    return regenerate(this.#cache, this.#searches, namespace, warm, this.#maxEpisodes);
  }

  /** Episode counters and entries; search counters are in `searchCacheStatistics()`. */
  cacheStatistics(): Promise<CacheStatistics> {
    return cacheStatistics(this.#cache);
  }

  /** Search hits, misses and evictions of this process, and the live search entries. */
  searchCacheStatistics(): Promise<SearchCacheStatistics> {
    return searchCacheStatistics(this.#searches);
  }

  cacheHealth(): Promise<CacheHealth> {
    return cacheHealth(this.#cache, this.#searches);
  }

  /** Durable write first; then invalidate and bump, also when the write failed (it may have committed). */
  async #write<T>(namespace: string, ids: readonly string[], write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } finally {
      await this.#invalidate(namespace, ids);
      await this.#bump(namespace);
    }
  }

  /** Durable write first; then bump each namespace, also when the write failed (it may have committed). */
  async #changingSearches<T>(namespaces: readonly string[], write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } finally {
      for (const namespace of new Set(namespaces)) await this.#bump(namespace);
    }
  }

  #search(request: SearchRequest, durableSearch: () => Promise<ScoredId[]>): Promise<ScoredId[]> {
    if (this.#closed) return durableSearch();
    return this.#searches.search(request, durableSearch);
  }

  async #invalidate(namespace: string, ids: readonly string[]): Promise<void> {
    if (!this.#closed) await this.#cache.invalidate(namespace, ids);
  }

  async #bump(namespace: string): Promise<void> {
    if (!this.#closed) await this.#searches.bump(namespace);
  }
}

/** Namespaces whose searches an import can change: those of its episodes and patterns. */
function searchableNamespaces(records: readonly ExportRecord[]): Set<string> {
  const namespaces = new Set<string>();
  for (const record of records) {
    if (record.type === 'episode' || record.type === 'pattern') namespaces.add(record.record.namespace);
  }
  return namespaces;
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
