import type { StorageBackend } from '../backend.js';
import { createAdminStore } from './admin.js';
import { createEpisodeStore } from './episodes.js';
import { createHeuristicStore } from './heuristics.js';
import { createPatternStore } from './patterns.js';
import { createProcedurePriorStore } from './procedure-prior.js';
import { createRecommendationStore } from './recommendations.js';
import { createRelationshipStore } from './relationships.js';
import { createSearchIndex } from './search.js';
import { InMemoryState } from './state.js';

export interface InMemoryStorageOptions {
  /**
   * The embedding dimension vectors must have. Absent: fixed by the first vector saved, so the default local
   * embedder (384) and any other provider work without configuration.
   */
  embeddingDimensions?: number;
}

/**
 * A `StorageBackend` that keeps everything in process: the reference implementation of the storage contract,
 * for tests, examples and embedding without a database. Nothing survives the process. Every write is atomic
 * (it runs to completion before another call can start); reads return deep copies; text search is BM25 over
 * an inverted index and vector search an exact cosine scan.
 */
export function createInMemoryStorage(options: InMemoryStorageOptions = {}): StorageBackend {
  const state = new InMemoryState(options.embeddingDimensions);
  const backend = {
    kind: 'memory',
    ...createEpisodeStore(state),
    ...createPatternStore(state),
    ...createHeuristicStore(state),
    ...createSearchIndex(state),
    ...createProcedurePriorStore(state),
    ...createRelationshipStore(state),
    ...createRecommendationStore(state),
    ...createAdminStore(state),
  } satisfies StorageBackend;
  return backend;
}
