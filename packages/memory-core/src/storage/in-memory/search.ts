import type { CandidateFilter, PatternFilter, ScoredId } from '../filters.js';
import type { EmbeddingTarget, SearchIndex } from '../search-index.js';
import { candidateScope } from './episode-filters.js';
import { refreshEpisodeText } from './episode-indexes.js';
import { EpisodePartition } from './episode-partition.js';
import { invalid, notFound } from './failures.js';
import { MAX_BATCH_IDS } from './get-many.js';
import { guarded } from './guard.js';
import { PartitionedVectorIndex } from './partitioned-vector-index.js';
import { patternPredicate } from './patterns.js';
import type { InMemoryState, NamespaceData } from './state.js';
import { VectorIndex } from './vector-index.js';

export function createSearchIndex(state: InMemoryState): SearchIndex {
  return {
    saveEmbedding: guarded(
      state,
      'saveEmbedding',
      (namespace: string, target: EmbeddingTarget, id: string, vector: Float32Array) => {
        checkVector(state, vector);
        const data = state.peek(namespace);
        if (!data || !hasRecord(data, target, id)) throw notFound(target, id, namespace);
        state.dimensions ??= vector.length;
        if (target === 'episode') {
          data.episodeVectors ??= new PartitionedVectorIndex(state.dimensions);
          data.episodeVectors.set(id, vector, EpisodePartition.of(data.episodeFacets.get(id)!));
        } else {
          data.patternVectors ??= new VectorIndex(state.dimensions);
          data.patternVectors.set(id, vector);
        }
      },
    ),

    getEmbeddings: guarded(
      state,
      'getEmbeddings',
      (namespace: string, target: EmbeddingTarget, ids: readonly string[]) => {
        if (ids.length > MAX_BATCH_IDS) {
          throw invalid(`getEmbeddings accepts at most ${MAX_BATCH_IDS} ids (got ${ids.length})`);
        }
        const vectors = new Map<string, Float32Array>();
        const data = state.peek(namespace);
        const index = target === 'episode' ? data?.episodeVectors : data?.patternVectors;
        if (!index) return vectors;
        for (const id of ids) {
          const vector = index.get(id);
          if (vector) vectors.set(id, vector);
        }
        return vectors;
      },
    ),

    searchEpisodesByText: guarded(
      state,
      'searchEpisodesByText',
      (namespace: string, terms: readonly string[], filter: CandidateFilter, limit: number): ScoredId[] => {
        const data = state.peek(namespace);
        if (!data || terms.length === 0) return [];
        refreshEpisodeText(data);
        const scope = candidateScope(data, filter);
        return data.episodeText.search(terms, limit, scope.admits, scope.accept);
      },
    ),

    searchEpisodesByVector: guarded(
      state,
      'searchEpisodesByVector',
      (namespace: string, vector: Float32Array, filter: CandidateFilter, limit: number): ScoredId[] => {
        checkVector(state, vector);
        const data = state.peek(namespace);
        const index = data?.episodeVectors;
        if (!data || !index) return [];
        const scope = candidateScope(data, filter);
        return index.search(vector, limit, scope.admits, scope.accept);
      },
    ),

    searchPatternsByText: guarded(
      state,
      'searchPatternsByText',
      (namespace: string, terms: readonly string[], filter: PatternFilter, limit: number): ScoredId[] => {
        const data = state.peek(namespace);
        if (!data || terms.length === 0) return [];
        return data.patternText.search(terms, limit, patternIdPredicate(data, filter));
      },
    ),

    searchPatternsByVector: guarded(
      state,
      'searchPatternsByVector',
      (namespace: string, vector: Float32Array, filter: PatternFilter, limit: number): ScoredId[] => {
        checkVector(state, vector);
        const data = state.peek(namespace);
        const index = data?.patternVectors;
        if (!data || !index) return [];
        return index.search(vector, limit, patternIdPredicate(data, filter));
      },
    ),
  };
}

/** Vectors must match the store's dimension (fixed by the options or the first vector) and be finite. */
function checkVector(state: InMemoryState, vector: Float32Array): void {
  const expected = state.dimensions;
  if (vector.length === 0 || (expected !== undefined && vector.length !== expected)) {
    throw invalid(
      `embedding has ${vector.length} dimensions but the store holds ${expected ?? 'non-empty'} vectors: ` +
        're-index after changing the embedding provider',
      { dimensions: vector.length, expected },
    );
  }
  for (let index = 0; index < vector.length; index++) {
    if (!Number.isFinite(vector[index]!)) throw invalid('embedding holds a non-finite value', { index });
  }
}

function hasRecord(data: NamespaceData, target: EmbeddingTarget, id: string): boolean {
  return target === 'episode' ? data.episodes.has(id) : data.patterns.has(id);
}

/**
 * A predicate over pattern ids, or undefined when the filter restricts nothing: patterns are never deleted,
 * so every indexed id is a stored pattern and the scan can skip the lookup.
 */
function patternIdPredicate(
  data: NamespaceData,
  filter: PatternFilter,
): ((id: string) => boolean) | undefined {
  if (!restrictsPatterns(filter)) return undefined;
  const accept = patternPredicate(filter);
  return (id) => {
    const pattern = data.patterns.get(id);
    return pattern !== undefined && accept(pattern);
  };
}

function restrictsPatterns(filter: PatternFilter): boolean {
  return (
    (filter.types !== undefined && filter.types.length > 0) ||
    (filter.domains !== undefined && filter.domains.length > 0) ||
    filter.minOccurrences !== undefined
  );
}
