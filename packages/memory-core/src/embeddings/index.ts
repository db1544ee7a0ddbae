export type { FetchFunction, HttpRequestInit, HttpResponse } from './http-fetch.js';
export {
  createLocalEmbeddingProvider,
  LOCAL_EMBEDDING_DEFAULT_DIMENSIONS,
  type LocalEmbeddingProviderOptions,
} from './local-hash-embedder.js';
export { createOpenAICompatibleEmbeddingProvider } from './openai-compatible.js';
export type { OpenAICompatibleEmbeddingOptions } from './openai-compatible-options.js';
export { cosineSimilarity, type EmbeddingProvider } from './provider.js';
