import { describe, expect, it } from 'vitest';
import {
  createOpenAICompatibleEmbeddingProvider,
  type OpenAICompatibleEmbeddingOptions,
} from '../../src/embeddings/index.js';
import { displayBaseURL } from '../../src/embeddings/provider-error.js';
import { isMemoryError } from '../../src/errors.js';

const valid: OpenAICompatibleEmbeddingOptions = {
  baseURL: 'https://api.openai.com/v1',
  model: 'text-embedding-3-small',
  dimensions: 1536,
};

function configError(options: Partial<OpenAICompatibleEmbeddingOptions>): unknown {
  try {
    createOpenAICompatibleEmbeddingProvider({ ...valid, ...options } as OpenAICompatibleEmbeddingOptions);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('openai-compatible options', () => {
  it.each([
    ['baseURL', { baseURL: 'api.openai.com/v1' }],
    ['baseURL', { baseURL: 'ftp://files.example.com' }],
    ['model', { model: ' ' }],
    ['dimensions', { dimensions: 0 }],
    ['dimensions', { dimensions: 1.5 }],
    ['batchSize', { batchSize: 0 }],
    ['maxRetries', { maxRetries: -1 }],
    ['timeoutMs', { timeoutMs: 0 }],
    ['cacheSize', { cacheSize: -1 }],
  ] as const)('rejects a bad %s with CONFIG_INVALID naming the option', (option, options) => {
    const error = configError(options);
    expect(isMemoryError(error, 'CONFIG_INVALID')).toBe(true);
    expect((error as Error).message).toContain(option);
  });

  it('does not echo a bad baseURL, which may carry credentials', () => {
    const error = configError({ baseURL: 'not-a-url?api-key=sk-secret' }) as Error;
    expect(error.message).not.toContain('sk-secret');
  });

  it('accepts a valid configuration with defaults', () => {
    const provider = createOpenAICompatibleEmbeddingProvider({
      ...valid,
      baseURL: 'http://localhost:11434/v1/',
    });
    expect(provider.id).toBe('openai-compatible:text-embedding-3-small');
    expect(provider.dimensions).toBe(1536);
  });

  it('shows base URLs without user info or query string', () => {
    expect(displayBaseURL('https://user:pass@gateway.example.com/v1?api-key=secret')).toBe(
      'https://gateway.example.com/v1',
    );
    expect(displayBaseURL('http://localhost:11434/v1')).toBe('http://localhost:11434/v1');
  });
});
