import { contentHash } from './content-hash.js';
import { createLruCache } from './lru-cache.js';
import {
  type OpenAICompatibleEmbeddingOptions,
  resolveOpenAICompatibleOptions,
} from './openai-compatible-options.js';
import type { EmbeddingProvider } from './provider.js';
import { displayBaseURL, type ProviderIdentity } from './provider-error.js';
import { requestEmbeddings } from './request-embeddings.js';

/**
 * Embeddings from any server speaking OpenAI's `POST /embeddings` (OpenAI, Mistral, Azure-compatible
 * gateways, Ollama, vLLM). Repeated texts are served from an LRU cache keyed by a content hash of
 * (model, text); the rest go out in batches of `batchSize`, one batch at a time so that a large re-index does
 * not trip the provider's rate limits. Blank texts embed to the zero vector without a request (providers
 * reject empty input). Options are validated here: bad ones fail with `CONFIG_INVALID`.
 */
export function createOpenAICompatibleEmbeddingProvider(
  options: OpenAICompatibleEmbeddingOptions,
): EmbeddingProvider {
  const resolved = resolveOpenAICompatibleOptions(options);
  const id = `openai-compatible:${resolved.model}`;
  const identity: ProviderIdentity = {
    id,
    baseURL: displayBaseURL(resolved.baseURL),
    apiKey: resolved.apiKey,
  };
  const cache = createLruCache<Float32Array>(resolved.cacheSize);

  return {
    id,
    dimensions: resolved.dimensions,
    async embed(texts) {
      const vectors: Float32Array[] = new Array(texts.length);
      // Texts still to fetch, by cache key, with every position they fill (duplicates are requested once).
      const missing = new Map<string, { text: string; positions: number[] }>();
      texts.forEach((text, position) => {
        if (text.trim() === '') {
          vectors[position] = new Float32Array(resolved.dimensions);
          return;
        }
        const key = contentHash(`${resolved.model}\u0000${text}`);
        const cached = cache.get(key);
        if (cached) vectors[position] = cached.slice();
        else if (missing.has(key)) missing.get(key)!.positions.push(position);
        else missing.set(key, { text, positions: [position] });
      });

      const pending = [...missing.entries()];
      for (let start = 0; start < pending.length; start += resolved.batchSize) {
        const batch = pending.slice(start, start + resolved.batchSize);
        const batchVectors = await requestEmbeddings(
          resolved,
          identity,
          batch.map(([, item]) => item.text),
        );
        batch.forEach(([key, item], index) => {
          const vector = batchVectors[index]!;
          cache.set(key, vector);
          // Callers get copies: mutating a result must not corrupt the cache.
          for (const position of item.positions) vectors[position] = vector.slice();
        });
      }
      return vectors;
    },
  };
}
