import type { CandidateFilter, PatternFilter, ScoredId } from './filters.js';

export type EmbeddingTarget = 'episode' | 'pattern';

/**
 * Candidate search pushed into the store. Text search runs over the search documents the store keeps for
 * each record (`episodeSearchText`, `patternSearchText`), already normalised into terms by memory-core, so
 * every backend tokenises the same way.
 */
export interface SearchIndex {
  /**
   * Stores (or replaces) the embedding of an episode or pattern. The vector's length must be the store's
   * dimension and every component finite, else `VALIDATION_FAILED`; the record must exist in the namespace,
   * else `NOT_FOUND` (deleting an episode deletes its embedding).
   */
  saveEmbedding(namespace: string, target: EmbeddingTarget, id: string, vector: Float32Array): Promise<void>;

  /** Embeddings of the given records that have one, keyed by id (copies). At most 500 ids. */
  getEmbeddings(
    namespace: string,
    target: EmbeddingTarget,
    ids: readonly string[],
  ): Promise<Map<string, Float32Array>>;

  /**
   * Episodes ranked by BM25 (k1 = 1.2, b = 0.75) over their search documents for any of `terms`, best first,
   * at most `limit`. Filters apply in the store. Empty `terms` → empty result. Scores are positive; a term
   * repeated in `terms` counts once.
   */
  searchEpisodesByText(
    namespace: string,
    terms: readonly string[],
    filter: CandidateFilter,
    limit: number,
  ): Promise<ScoredId[]>;

  /**
   * Episodes ranked by cosine similarity of their embedding to `vector`, best first, at most `limit`; the score
   * is the cosine. A query of the wrong dimension fails with `VALIDATION_FAILED`.
   */
  searchEpisodesByVector(
    namespace: string,
    vector: Float32Array,
    filter: CandidateFilter,
    limit: number,
  ): Promise<ScoredId[]>;

  /** Patterns ranked by BM25 over their search documents, best first. */
  searchPatternsByText(
    namespace: string,
    terms: readonly string[],
    filter: PatternFilter,
    limit: number,
  ): Promise<ScoredId[]>;

  /** Patterns ranked by cosine similarity of their embedding, best first. */
  searchPatternsByVector(
    namespace: string,
    vector: Float32Array,
    filter: PatternFilter,
    limit: number,
  ): Promise<ScoredId[]>;
}
