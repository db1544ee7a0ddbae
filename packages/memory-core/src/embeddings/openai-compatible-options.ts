import { MemoryError } from '../errors.js';
import type { FetchFunction } from './http-fetch.js';

export interface OpenAICompatibleEmbeddingOptions {
  /** API root that serves `POST /embeddings`, e.g. `https://api.openai.com/v1` or `http://localhost:11434/v1`. */
  baseURL: string;
  /** Model name sent with every request, e.g. `text-embedding-3-small`. */
  model: string;
  /** Sent as `Authorization: Bearer …` when set; never appears in errors. */
  apiKey?: string;
  /** Length of the model's vectors; a response of another length fails with `CONFIG_INVALID`. */
  dimensions: number;
  /** Texts per request. Default 64. */
  batchSize?: number;
  /** Retries after the first attempt, on 429, 5xx, network errors and timeouts only. Default 3. */
  maxRetries?: number;
  /** Base of the exponential backoff with full jitter. Default 200 ms. */
  retryBaseDelayMs?: number;
  /** Per attempt, including reading the body. Default 30 000 ms. */
  timeoutMs?: number;
  /** Vectors kept in memory by content hash of (model, text); 0 disables the cache. Default 10 000. */
  cacheSize?: number;
  /** Default: the global `fetch`. */
  fetch?: FetchFunction;
}

export type ResolvedOpenAICompatibleOptions = Required<Omit<OpenAICompatibleEmbeddingOptions, 'apiKey'>> & {
  apiKey: string | undefined;
};

const HTTP_URL = /^https?:\/\/[^\s/?#]+[^\s]*$/i;

/** Applies defaults and rejects unusable configuration early, naming the option to fix. */
export function resolveOpenAICompatibleOptions(
  options: OpenAICompatibleEmbeddingOptions,
): ResolvedOpenAICompatibleOptions {
  const baseURL = String(options.baseURL ?? '').replace(/\/+$/, '');
  if (!HTTP_URL.test(baseURL)) {
    // The URL itself may embed credentials, so it is not echoed back.
    throw invalid('baseURL must be an http(s) URL such as https://api.openai.com/v1', 'baseURL');
  }
  if (typeof options.model !== 'string' || options.model.trim() === '') {
    throw invalid('model must be a non-empty model name such as text-embedding-3-small', 'model');
  }
  const fetchFunction = options.fetch ?? (typeof fetch === 'function' ? fetch : undefined);
  if (!fetchFunction) throw invalid('no global fetch in this runtime: pass the fetch option', 'fetch');
  return {
    baseURL,
    model: options.model,
    apiKey: options.apiKey || undefined,
    dimensions: integerOption('dimensions', options.dimensions, 1),
    batchSize: integerOption('batchSize', options.batchSize ?? 64, 1),
    maxRetries: integerOption('maxRetries', options.maxRetries ?? 3, 0),
    retryBaseDelayMs: integerOption('retryBaseDelayMs', options.retryBaseDelayMs ?? 200, 0),
    timeoutMs: integerOption('timeoutMs', options.timeoutMs ?? 30_000, 1),
    cacheSize: integerOption('cacheSize', options.cacheSize ?? 10_000, 0),
    fetch: fetchFunction,
  };
}

function integerOption(name: string, value: unknown, minimum: number): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= minimum) return value;
  throw invalid(`${name} must be an integer ≥ ${minimum}, got ${String(value)}`, name);
}

function invalid(message: string, option: string): MemoryError {
  return new MemoryError('CONFIG_INVALID', `openai-compatible embeddings: ${message}`, {
    details: { option },
  });
}
