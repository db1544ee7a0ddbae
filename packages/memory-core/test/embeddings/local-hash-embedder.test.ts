import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLocalEmbeddingProvider } from '../../src/embeddings/index.js';
import { cosineSimilarity } from '../../src/embeddings/provider.js';

const local = createLocalEmbeddingProvider();

async function embedOne(text: string): Promise<Float32Array> {
  const [vector] = await local.embed([text]);
  return vector!;
}

async function similarity(left: string, right: string): Promise<number> {
  return cosineSimilarity(await embedOne(left), await embedOne(right));
}

function norm(vector: Float32Array): number {
  return Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
}

describe('local hashing embedder', () => {
  it('is the 384-dimensional local-hash-v1 space by default', async () => {
    expect(local.id).toBe('local-hash-v1');
    expect(local.dimensions).toBe(384);
    expect(await embedOne('cancel the pending order')).toHaveLength(384);
  });

  it('names other dimensions as another vector space', async () => {
    const small = createLocalEmbeddingProvider({ dimensions: 256 });
    expect(small.id).toBe('local-hash-v1-256');
    expect((await small.embed(['some text']))[0]).toHaveLength(256);
    expect(createLocalEmbeddingProvider({ dimensions: 384 }).id).toBe('local-hash-v1');
  });

  it.each([0, -1, 2.5, Number.NaN])('rejects dimensions %s with CONFIG_INVALID', (dimensions) => {
    expect(() => createLocalEmbeddingProvider({ dimensions })).toThrow(
      expect.objectContaining({ name: 'MemoryError', code: 'CONFIG_INVALID' }),
    );
  });

  it('is deterministic across calls, instances and batch composition', async () => {
    const text = 'Deploy the PostgreSQL migration and retry failed jobs';
    const [alone] = await local.embed([text]);
    const [, inBatch] = await createLocalEmbeddingProvider().embed(['something else entirely', text]);
    expect(Array.from(inBatch!)).toEqual(Array.from(alone!));
  });

  it('keeps its vector space stable (changing it requires a new provider id)', async () => {
    // A fingerprint of local-hash-v1: if this changes, stored vectors no longer match new ones, so bump the id.
    const vector = await embedOne('cancel the pending order');
    const strongest = Array.from(vector.keys())
      .sort((left, right) => Math.abs(vector[right]!) - Math.abs(vector[left]!) || left - right)
      .slice(0, 5)
      .map((index) => `${index}:${vector[index]!.toFixed(4)}`);
    expect(strongest).toEqual(LOCAL_HASH_V1_FINGERPRINT);
  });

  it('returns unit vectors, one per text, in order', async () => {
    const texts = ['cancel the pending order', 'book a flight to Paris', 'x'];
    const vectors = await local.embed(texts);
    expect(vectors).toHaveLength(3);
    for (const vector of vectors) expect(norm(vector)).toBeCloseTo(1, 5);
    expect(Array.from(vectors[1]!)).toEqual(Array.from(await embedOne(texts[1]!)));
  });

  it('embeds text without content words to the zero vector, never NaN', async () => {
    for (const text of ['', '   ', '!?;', 'the and of']) {
      const vector = await embedOne(text);
      expect(vector.every((value) => value === 0)).toBe(true);
      expect(cosineSimilarity(vector, await embedOne('cancel the order'))).toBe(0);
    }
  });

  it('gives every string a finite vector of norm 0 or 1', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), async (text) => {
        const vector = await embedOne(text);
        expect(vector.every(Number.isFinite)).toBe(true);
        const length = norm(vector);
        expect(length === 0 || Math.abs(length - 1) < 1e-5).toBe(true);
      }),
    );
  });

  it('places paraphrases closer than unrelated tasks', async () => {
    const paraphrase = await similarity('cancel the pending order', 'cancel my pending orders');
    const unrelated = await similarity('cancel the pending order', 'book a flight to Paris');
    expect(paraphrase).toBeGreaterThan(0.8);
    expect(Math.abs(unrelated)).toBeLessThan(0.2);
  });

  it('matches word forms through stemming and character n-grams', async () => {
    const inflected = await similarity(
      'configure the database connection',
      'configuring database connections',
    );
    const partialWord = await similarity('connect to postgres', 'connect to postgresql');
    const misspelt = await similarity('authentication token refresh', 'authentcation token refreshing');
    const unrelated = await similarity('configure the database connection', 'paint the kitchen walls');
    expect(inflected).toBeGreaterThan(0.8);
    expect(partialWord).toBeGreaterThan(unrelated + 0.3);
    expect(misspelt).toBeGreaterThan(unrelated + 0.3);
  });

  it('distinguishes word order through bigrams', async () => {
    const sameOrder = await similarity('parse json config file', 'parse json config file now');
    const swapped = await similarity('parse json config file', 'file config json parse');
    expect(sameOrder).toBeGreaterThan(swapped);
    expect(swapped).toBeLessThan(1 - 1e-3);
  });

  it('weights repeated words sublinearly', async () => {
    const once = await similarity('deploy service', 'deploy');
    const repeated = await similarity('deploy deploy deploy deploy service', 'deploy');
    const service = await similarity('deploy deploy deploy deploy service', 'service');
    expect(repeated).toBeGreaterThan(once);
    // Linear weighting would make "service" nearly vanish next to four "deploy"s.
    expect(service).toBeGreaterThan(0.25);
  });

  it('embeds long and non-Latin texts without failing', async () => {
    const long = 'word '.repeat(5_000) + 'x'.repeat(10_000);
    expect(norm(await embedOne(long))).toBeCloseTo(1, 5);
    expect(norm(await embedOne('数据库连接失败后重试'))).toBeCloseTo(1, 5);
    expect(await similarity('Café résumé', 'cafe resume')).toBeCloseTo(1, 5);
  });
});

const LOCAL_HASH_V1_FINGERPRINT = ['114:-0.4735', '125:0.4735', '158:0.4735', '284:-0.3315', '285:0.3315'];
