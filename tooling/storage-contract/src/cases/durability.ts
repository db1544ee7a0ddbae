import { searchTerms } from '@slm/memory-core';
import { describe, expect, it } from 'vitest';
import { expectCode } from '../expect-code.js';
import { axis, completed, NS, step } from '../fixtures.js';
import type { Harness } from '../harness.js';
import { collect, populate } from '../populate.js';

/** Only for backends that keep data (`reopen` provided); the in-memory backend has nothing to reopen. */
export function durabilityCases(harness: Harness): void {
  describe('durability across reopen', () => {
    it('keeps every acknowledged write', async ({ skip }) => {
      if (!harness.canReopen()) skip('this backend keeps nothing across processes');
      const storage = harness.storage();
      const dimensions = harness.target.dimensions;
      const population = await populate(storage, dimensions);
      await storage.appendSteps(NS, population.open.id, [step(3)]);
      const open = await storage.getEpisode(NS, population.open.id);
      await storage.completeEpisode(completed(open!), open!.version);
      await storage.observeProcedure(NS, {
        episodeId: population.succeeded.id,
        terms: ['invoic'],
        tools: ['ship'],
      });
      await storage.setMeta('embedding.provider', 'contract');
      const before = await collect(storage.exportRecords({ namespace: null }));
      const statsBefore = await storage.stats(NS);

      const reopened = await harness.reopen();

      expect(await collect(reopened.exportRecords({ namespace: null }))).toEqual(before);
      expect(await reopened.stats(NS)).toEqual(statsBefore);
      expect(await reopened.getMeta('embedding.provider')).toBe('contract');
      expect((await reopened.getEpisode(NS, population.open.id))?.steps.map((s) => s.stepNumber)).toEqual([
        1, 2, 3,
      ]);
      expect(
        (await reopened.getEmbeddings(NS, 'episode', [population.succeeded.id])).get(population.succeeded.id),
      ).toEqual(axis(dimensions, 1));
      const hits = await reopened.searchEpisodesByText(NS, searchTerms('invoice'), {}, 5);
      expect(hits[0]?.id).toBe(population.succeeded.id);
      const vectorHits = await reopened.searchEpisodesByVector(NS, axis(dimensions, 1), {}, 1);
      expect(vectorHits[0]?.id).toBe(population.succeeded.id);
      expect((await reopened.getProcedureCounts(NS, ['invoic'])).termToolDocuments).toEqual({
        invoic: { ship: 1 },
      });
      expect(
        await reopened.observeProcedure(NS, {
          episodeId: population.succeeded.id,
          terms: ['invoic'],
          tools: ['ship'],
        }),
      ).toBe(false);
      await expectCode(reopened.appendSteps(NS, population.open.id, [step(4)]), 'CONFLICT');
    });
  });
}
