import { describe, expect, it } from 'vitest';
import { createLocalEmbeddingProvider, createMemory } from '../../src/index.js';
import { createInMemoryStorage } from '../../src/testing.js';

describe('reindex after an embedding provider change', () => {
  it('re-embeds with the new provider and binds the store to it (also to "none")', async () => {
    const storage = createInMemoryStorage();
    const local = await createMemory({ storage });
    await local.startEpisode({
      taskDescription: 'Rotate the keys',
      taskType: 'other',
      context: { domain: 'ops' },
    });

    // A memory with another provider refuses the store until it is re-indexed.
    const wider = createLocalEmbeddingProvider({ dimensions: 64 });
    await expect(createMemory({ storage, embeddings: wider })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
    });
    const reindexing = await createMemory({ storage, embeddings: wider, acceptEmbeddingChange: true });
    expect(await reindexing.reindex()).toMatchObject({ episodes: 1, provider: wider.id, dimensions: 64 });
    await expect(createMemory({ storage, embeddings: wider })).resolves.toBeDefined();

    const none = await createMemory({ storage, embeddings: null, acceptEmbeddingChange: true });
    expect(await none.reindex()).toMatchObject({ episodes: 0, provider: 'none' });
    await expect(createMemory({ storage, embeddings: null })).resolves.toBeDefined();
  });
});
