import { describe, expect, it } from 'vitest';
import { NS, newId, OTHER_NS } from '../fixtures.js';
import type { Harness } from '../harness.js';

export function procedurePriorCases(harness: Harness): void {
  describe('procedure prior', () => {
    it('counts documents, tools, terms and term–tool pairs, once per episode', async () => {
      const storage = harness.storage();
      const first = newId();
      expect(
        await storage.observeProcedure(NS, {
          episodeId: first,
          terms: ['refund', 'order'],
          tools: ['find_order', 'refund'],
        }),
      ).toBe(true);
      expect(
        await storage.observeProcedure(NS, {
          episodeId: first,
          terms: ['refund', 'order'],
          tools: ['find_order', 'refund'],
        }),
      ).toBe(false);
      expect(
        await storage.observeProcedure(NS, {
          episodeId: newId(),
          terms: ['order', 'address'],
          tools: ['find_order', 'update_address'],
        }),
      ).toBe(true);
      expect(
        await storage.observeProcedure(NS, { episodeId: newId(), terms: ['refund'], tools: ['refund'] }),
      ).toBe(true);
      const counts = await storage.getProcedureCounts(NS, ['refund', 'order', 'never-seen']);
      expect(counts).toEqual({
        documents: 3,
        toolDocuments: { find_order: 2, refund: 2, update_address: 1 },
        termDocuments: { refund: 2, order: 2 },
        termToolDocuments: {
          refund: { find_order: 1, refund: 2 },
          order: { find_order: 2, refund: 1, update_address: 1 },
        },
      });
      const narrow = await storage.getProcedureCounts(NS, ['address']);
      expect(narrow.termDocuments).toEqual({ address: 1 });
      expect(narrow.termToolDocuments).toEqual({ address: { find_order: 1, update_address: 1 } });
    });

    it('counts concurrent observations of different episodes and keeps namespaces apart', async () => {
      const storage = harness.storage();
      const sameEpisode = newId();
      const results = await Promise.all([
        ...Array.from({ length: 8 }, () =>
          storage.observeProcedure(NS, { episodeId: newId(), terms: ['ship'], tools: ['ship'] }),
        ),
        ...Array.from({ length: 3 }, () =>
          storage.observeProcedure(NS, { episodeId: sameEpisode, terms: ['ship'], tools: ['ship'] }),
        ),
      ]);
      expect(results.filter(Boolean)).toHaveLength(9);
      const counts = await storage.getProcedureCounts(NS, ['ship']);
      expect(counts.documents).toBe(9);
      expect(counts.termToolDocuments).toEqual({ ship: { ship: 9 } });
      expect(await storage.getProcedureCounts(OTHER_NS, ['ship'])).toEqual({
        documents: 0,
        toolDocuments: {},
        termDocuments: {},
        termToolDocuments: {},
      });
    });
  });
}
