import { MemoryError } from '../errors.js';
import { hashTextVector } from './hashed-text-vector.js';
import type { EmbeddingProvider } from './provider.js';

export const LOCAL_EMBEDDING_DEFAULT_DIMENSIONS = 384;
const LOCAL_EMBEDDING_ID = 'local-hash-v1';

export interface LocalEmbeddingProviderOptions {
  /** Vector length. Default 384; other values are a different vector space with their own id. */
  dimensions?: number;
}

/**
 * The default embedder: deterministic, offline, no model download. Signed feature hashing of stemmed word
 * unigrams, bigrams and character n-grams (see `hashTextVector`). Weaker than a neural model on paraphrase,
 * but it needs nothing and fuses well with BM25 because it also matches morphology and near-spellings.
 * A text without content words embeds to the zero vector.
 */
export function createLocalEmbeddingProvider(options: LocalEmbeddingProviderOptions = {}): EmbeddingProvider {
  const dimensions = options.dimensions ?? LOCAL_EMBEDDING_DEFAULT_DIMENSIONS;
  if (!Number.isInteger(dimensions) || dimensions < 1) {
    throw new MemoryError(
      'CONFIG_INVALID',
      `local embedding dimensions must be a positive integer, got ${dimensions}`,
      {
        details: { dimensions },
      },
    );
  }
  // The id names the vector space: a different dimension must never be mistaken for the default one.
  const id =
    dimensions === LOCAL_EMBEDDING_DEFAULT_DIMENSIONS
      ? LOCAL_EMBEDDING_ID
      : `${LOCAL_EMBEDDING_ID}-${dimensions}`;
  return {
    id,
    dimensions,
    async embed(texts) {
      return texts.map((text) => hashTextVector(text, dimensions));
    },
  };
}
