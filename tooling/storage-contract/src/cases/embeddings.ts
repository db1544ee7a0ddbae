import { describe, expect, it } from 'vitest';
import { expectCode } from '../expect-code.js';
import { completedEpisode, NS, newId, OTHER_NS, patternContribution, patterned } from '../fixtures.js';
import type { Harness } from '../harness.js';

export function embeddingCases(harness: Harness): void {
  describe('embeddings', () => {
    it('stores, replaces and returns vectors component for component', async () => {
      const storage = harness.storage();
      const dimensions = harness.target.dimensions;
      const stored = completedEpisode();
      await storage.insertEpisode(stored);
      await storage.saveEmbedding(NS, 'episode', stored.id, patterned(dimensions, 1));
      expect((await storage.getEmbeddings(NS, 'episode', [stored.id])).get(stored.id)).toEqual(
        patterned(dimensions, 1),
      );
      await storage.saveEmbedding(NS, 'episode', stored.id, patterned(dimensions, 2));
      const vectors = await storage.getEmbeddings(NS, 'episode', [stored.id, newId()]);
      expect([...vectors.keys()]).toEqual([stored.id]);
      expect(vectors.get(stored.id)).toBeInstanceOf(Float32Array);
      expect(vectors.get(stored.id)).toEqual(patterned(dimensions, 2));
    });

    it('keeps episode and pattern vectors and namespaces apart', async () => {
      const storage = harness.storage();
      const dimensions = harness.target.dimensions;
      const stored = completedEpisode();
      await storage.insertEpisode(stored);
      const contribution = patternContribution();
      await storage.upsertPatterns([contribution]);
      await storage.saveEmbedding(NS, 'episode', stored.id, patterned(dimensions, 3));
      await storage.saveEmbedding(NS, 'pattern', contribution.newId, patterned(dimensions, 4));
      expect(
        (await storage.getEmbeddings(NS, 'pattern', [contribution.newId])).get(contribution.newId),
      ).toEqual(patterned(dimensions, 4));
      expect((await storage.getEmbeddings(NS, 'pattern', [stored.id])).size).toBe(0);
      expect((await storage.getEmbeddings(OTHER_NS, 'episode', [stored.id])).size).toBe(0);
    });

    it('refuses a vector of the wrong dimension with VALIDATION_FAILED', async () => {
      const storage = harness.storage();
      const dimensions = harness.target.dimensions;
      const stored = completedEpisode();
      await storage.insertEpisode(stored);
      await storage.saveEmbedding(NS, 'episode', stored.id, patterned(dimensions, 1));
      await expectCode(
        storage.saveEmbedding(NS, 'episode', stored.id, patterned(dimensions + 1, 1)),
        'VALIDATION_FAILED',
      );
      await expectCode(
        storage.searchEpisodesByVector(NS, patterned(dimensions - 1, 1), {}, 5),
        'VALIDATION_FAILED',
      );
      expect((await storage.getEmbeddings(NS, 'episode', [stored.id])).get(stored.id)).toEqual(
        patterned(dimensions, 1),
      );
    });

    it('refuses an embedding for a record that does not exist in the namespace with NOT_FOUND', async () => {
      const storage = harness.storage();
      const dimensions = harness.target.dimensions;
      await expectCode(storage.saveEmbedding(NS, 'episode', newId(), patterned(dimensions, 1)), 'NOT_FOUND');
      const foreign = completedEpisode({ namespace: OTHER_NS });
      await storage.insertEpisode(foreign);
      await expectCode(
        storage.saveEmbedding(NS, 'episode', foreign.id, patterned(dimensions, 1)),
        'NOT_FOUND',
      );
      await expectCode(storage.saveEmbedding(NS, 'pattern', newId(), patterned(dimensions, 1)), 'NOT_FOUND');
    });
  });
}
