import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashTextVector } from '../../src/embeddings/hashed-text-vector.js';
import type { OpenAICompatibleEmbeddingOptions } from '../../src/embeddings/index.js';
import { createOpenAICompatibleEmbeddingProvider } from '../../src/embeddings/index.js';
import { isMemoryError, type MemoryError } from '../../src/errors.js';
import { type EmbeddingsServer, startEmbeddingsServer } from './embeddings-server.js';

const API_KEY = 'sk-test-0123456789abcdef-secret';
const DIMENSIONS = 16;

let server: EmbeddingsServer;

beforeEach(async () => {
  server = await startEmbeddingsServer(DIMENSIONS);
});
afterEach(async () => {
  await server.close();
});

function provider(overrides: Partial<OpenAICompatibleEmbeddingOptions> = {}) {
  return createOpenAICompatibleEmbeddingProvider({
    baseURL: server.baseURL,
    model: 'test-embedding',
    apiKey: API_KEY,
    dimensions: DIMENSIONS,
    retryBaseDelayMs: 1,
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<MemoryError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!isMemoryError(error)) throw new Error(`expected a MemoryError, got ${String(error)}`);
  return error;
}

function expectVectorsClose(actual: Float32Array, expected: Float32Array): void {
  expect(actual).toHaveLength(expected.length);
  for (const [index, value] of actual.entries()) expect(value).toBeCloseTo(expected[index]!, 6);
}

function expectNoSecret(error: MemoryError): void {
  expect(error.message).not.toContain(API_KEY);
  expect(JSON.stringify(error.toJSON())).not.toContain(API_KEY);
}

describe('openai-compatible embedding provider', () => {
  it('posts { model, input } to {baseURL}/embeddings with a bearer token and names itself after the model', async () => {
    const embeddings = provider();
    expect(embeddings.id).toBe('openai-compatible:test-embedding');
    expect(embeddings.dimensions).toBe(DIMENSIONS);

    await embeddings.embed(['cancel the pending order']);

    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request!.method).toBe('POST');
    expect(request!.path).toBe('/v1/embeddings');
    expect(request!.headers['authorization']).toBe(`Bearer ${API_KEY}`);
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.body).toEqual({ model: 'test-embedding', input: ['cancel the pending order'] });
  });

  it('sends no Authorization header without an API key, and trims a trailing slash from baseURL', async () => {
    await provider({ apiKey: undefined, baseURL: `${server.baseURL}/` }).embed(['hello world']);
    expect(server.requests[0]!.path).toBe('/v1/embeddings');
    expect(server.requests[0]!.headers['authorization']).toBeUndefined();
  });

  it('places vectors by index even when the server answers out of order', async () => {
    const texts = ['first text', 'second text', 'third text'];
    const vectors = await provider().embed(texts);
    expect(vectors).toHaveLength(3);
    for (const [index, text] of texts.entries()) {
      expectVectorsClose(vectors[index]!, hashTextVector(text, DIMENSIONS));
    }
  });

  it('splits texts into batches of batchSize, keeping input order across batches', async () => {
    const texts = Array.from({ length: 150 }, (_, index) => `task number ${index}`);
    const vectors = await provider({ batchSize: 64 }).embed(texts);

    expect(server.requests.map((request) => request.body.input?.length)).toEqual([64, 64, 22]);
    expect(server.requests.flatMap((request) => request.body.input)).toEqual(texts);
    expectVectorsClose(vectors[149]!, hashTextVector('task number 149', DIMENSIONS));
    expectVectorsClose(vectors[70]!, hashTextVector('task number 70', DIMENSIONS));
  });

  it('requests a text repeated within one call once', async () => {
    const vectors = await provider().embed(['same text', 'other text', 'same text']);
    expect(server.requests[0]!.body.input).toEqual(['same text', 'other text']);
    expectVectorsClose(vectors[2]!, vectors[0]!);
  });

  it('serves repeated texts from the cache without a request', async () => {
    const embeddings = provider();
    const first = await embeddings.embed(['alpha task', 'beta task']);
    const second = await embeddings.embed(['beta task', 'gamma task', 'alpha task']);

    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.body.input).toEqual(['gamma task']);
    expectVectorsClose(second[0]!, first[1]!);
    expectVectorsClose(second[2]!, first[0]!);
  });

  it('evicts the least recently used vector when the cache is full, and caches nothing with cacheSize 0', async () => {
    const small = provider({ cacheSize: 2 });
    await small.embed(['one thing']);
    await small.embed(['two things']);
    await small.embed(['one thing']); // refreshes "one thing"
    await small.embed(['three things']); // evicts "two things"
    await small.embed(['one thing', 'two things']);
    expect(server.requests.map((request) => request.body.input)).toEqual([
      ['one thing'],
      ['two things'],
      ['three things'],
      ['two things'],
    ]);

    const uncached = provider({ cacheSize: 0 });
    await uncached.embed(['one thing']);
    await uncached.embed(['one thing']);
    expect(server.requests).toHaveLength(6);
  });

  it('returns copies: mutating a result does not corrupt the cache', async () => {
    const embeddings = provider();
    const [first] = await embeddings.embed(['mutable text']);
    first!.fill(0);
    const [again] = await embeddings.embed(['mutable text']);
    expectVectorsClose(again!, hashTextVector('mutable text', DIMENSIONS));
  });

  it('embeds blank texts to the zero vector without asking the provider (which would reject them)', async () => {
    const vectors = await provider().embed(['', '   ', 'real text']);
    expect(server.requests[0]!.body.input).toEqual(['real text']);
    expect(Array.from(vectors[0]!)).toEqual(new Array(DIMENSIONS).fill(0));
    expect(Array.from(vectors[1]!)).toEqual(new Array(DIMENSIONS).fill(0));
  });

  it('re-normalises vectors from servers that do not return unit vectors', async () => {
    server.script({
      status: 200,
      body: JSON.stringify({ data: [{ index: 0, embedding: [3, 4, ...new Array(DIMENSIONS - 2).fill(0)] }] }),
    });
    const [vector] = await provider().embed(['anything']);
    expect(vector![0]).toBeCloseTo(0.6, 6);
    expect(vector![1]).toBeCloseTo(0.8, 6);
  });

  it('retries a 500 and returns the answer of the next attempt', async () => {
    server.script({ status: 500 });
    const [vector] = await provider().embed(['flaky provider']);
    expect(server.requests).toHaveLength(2);
    expectVectorsClose(vector!, hashTextVector('flaky provider', DIMENSIONS));
  });

  it('waits as long as Retry-After asks after a 429', async () => {
    server.script({ status: 429, headers: { 'retry-after': '1' } });
    const started = performance.now();
    await provider({ retryBaseDelayMs: 0 }).embed(['rate limited']);
    expect(server.requests).toHaveLength(2);
    // Backoff alone would retry at once (base delay 0): only the header explains the wait.
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('honours retry-after-ms, the millisecond header OpenAI and Azure send', async () => {
    server.script({ status: 429, headers: { 'retry-after-ms': '300' } });
    const started = performance.now();
    await provider({ retryBaseDelayMs: 0 }).embed(['rate limited']);
    expect(server.requests).toHaveLength(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
  });

  it('gives up at once when Retry-After asks for longer than a minute', async () => {
    server.script({ status: 429, headers: { 'retry-after': '3600' } });
    const error = await failure(provider().embed(['rate limited']));
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toContain('3600 s');
    expect(server.requests).toHaveLength(1);
  });

  it('fails with UNAVAILABLE after maxRetries retries of server errors', async () => {
    server.script({ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 });
    const error = await failure(provider({ maxRetries: 2 }).embed(['down']));
    expect(server.requests).toHaveLength(3);
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toContain('HTTP 503');
    expect(error.message).toContain(server.baseURL);
    expect(error.details).toMatchObject({
      status: 503,
      attempts: 3,
      provider: 'openai-compatible:test-embedding',
    });
  });

  it('does not retry a 400 and reports the status, the base URL and the provider message', async () => {
    server.script({
      status: 400,
      body: JSON.stringify({ error: { message: "This model's maximum context length is 8192 tokens" } }),
    });
    const error = await failure(provider().embed(['too long']));
    expect(server.requests).toHaveLength(1);
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toContain('HTTP 400');
    expect(error.message).toContain(server.baseURL);
    expect(error.message).toContain('maximum context length is 8192 tokens');
    expect(error.details).toMatchObject({ status: 400 });
  });

  it('reports a rejected key as CONFIG_INVALID without ever showing the key, even when the server echoes it', async () => {
    server.script({
      status: 401,
      body: (request) =>
        JSON.stringify({ error: { message: `bad key: ${request.headers['authorization']}` } }),
    });
    const error = await failure(provider().embed(['secret test']));
    expect(server.requests).toHaveLength(1);
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain('HTTP 401');
    expect(error.message).toContain('[redacted]');
    expectNoSecret(error);
  });

  it('reports an unknown model or path (404) as CONFIG_INVALID', async () => {
    const error = await failure(provider({ baseURL: `${server.baseURL}/wrong` }).embed(['anything']));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain('HTTP 404');
    expect(server.requests).toHaveLength(1);
  });

  it('fails clearly, without retrying, when the model returns vectors of another dimension', async () => {
    server.dimensions = 8;
    const error = await failure(provider().embed(['wrong size']));
    expect(server.requests).toHaveLength(1);
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain('8-dimensional');
    expect(error.message).toContain('dimensions is 16');
  });

  it('rejects a response with the wrong number of embeddings as UNAVAILABLE', async () => {
    server.script({ status: 200, body: JSON.stringify({ data: [] }) });
    const error = await failure(provider().embed(['one text']));
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toContain('expected 1 embeddings, got 0');
  });

  it('times out a silent server, retries, and reports the timeout', async () => {
    server.script({ status: 200, delayMs: 2_000 }, { status: 200, delayMs: 2_000 });
    const error = await failure(provider({ timeoutMs: 50, maxRetries: 1 }).embed(['slow']));
    expect(server.requests).toHaveLength(2);
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toContain('no answer within 50 ms');
  });

  it('retries network errors and never shows the key when the server is unreachable', async () => {
    const baseURL = server.baseURL;
    await server.close();
    const error = await failure(provider({ baseURL, maxRetries: 1 }).embed(['unreachable']));
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toContain(baseURL);
    expect(error.message).toContain('gave up after 2 attempts');
    expectNoSecret(error);
    server = await startEmbeddingsServer(DIMENSIONS); // for afterEach
  });

  it('uses an injected fetch', async () => {
    let calls = 0;
    const embeddings = provider({
      fetch: (url, init) => {
        calls++;
        return fetch(url, init);
      },
    });
    await embeddings.embed(['through a custom fetch']);
    expect(calls).toBe(1);
    expect(server.requests).toHaveLength(1);
  });
});
