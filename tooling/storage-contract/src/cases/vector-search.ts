import { describe, expect, it } from 'vitest';
import {
  axis,
  blend,
  completed,
  completedEpisode,
  episode,
  FAILURE,
  NS,
  OTHER_NS,
  patternContribution,
} from '../fixtures.js';
import type { Harness } from '../harness.js';

export function vectorSearchCases(harness: Harness): void {
  describe('vector search', () => {
    it('returns the top k episodes by cosine similarity, best first', async () => {
      const storage = harness.storage();
      const dimensions = harness.target.dimensions;
      const weights = [0.9, 0, 0.5, 0.2, 0.7];
      const episodes = weights.map(() => completedEpisode());
      for (const [index, record] of episodes.entries()) {
        await storage.insertEpisode(record);
        await storage.saveEmbedding(NS, 'episode', record.id, blend(dimensions, weights[index]!));
      }
      const hits = await storage.searchEpisodesByVector(NS, axis(dimensions, 0), {}, 3);
      expect(hits.map((hit) => hit.id)).toEqual([episodes[1]!.id, episodes[3]!.id, episodes[2]!.id]);
      expect(hits[0]?.score).toBeCloseTo(1, 5);
      const cosine = (weight: number) => (1 - weight) / Math.hypot(1 - weight, weight);
      expect(hits[1]?.score).toBeCloseTo(cosine(0.2), 4);
      expect(hits[2]?.score).toBeCloseTo(cosine(0.5), 4);
      const all = await storage.searchEpisodesByVector(NS, axis(dimensions, 0), {}, 10);
      expect(all.map((hit) => hit.id)).toEqual([1, 3, 2, 4, 0].map((index) => episodes[index]!.id));
    });

    it('filters candidates and never crosses namespaces', async () => {
      const storage = harness.storage();
      const dimensions = harness.target.dimensions;
      const target = axis(dimensions, 0);
      const success = completedEpisode();
      const failure = completed(episode(), FAILURE);
      const data = completedEpisode({ context: { domain: 'data', complexity: 'simple', tags: [] } });
      const open = episode();
      const archived = { ...completedEpisode(), archivedAt: '2025-03-02T00:00:00.000Z' };
      const foreign = completedEpisode({ namespace: OTHER_NS });
      for (const record of [success, failure, data, open, archived, foreign]) {
        await storage.insertEpisode(record);
        await storage.saveEmbedding(record.namespace, 'episode', record.id, target);
      }
      const ids = async (filter: Parameters<typeof storage.searchEpisodesByVector>[2]) =>
        new Set((await storage.searchEpisodesByVector(NS, target, filter, 10)).map((hit) => hit.id));
      expect(await ids({})).toEqual(new Set([success.id, failure.id, data.id]));
      expect(await ids({ outcomeTypes: ['success'] })).toEqual(new Set([success.id, data.id]));
      expect(await ids({ domains: ['data'] })).toEqual(new Set([data.id]));
      expect(await ids({ completedOnly: false, includeArchived: true })).toEqual(
        new Set([success.id, failure.id, data.id, open.id, archived.id]),
      );
      const foreignHits = await storage.searchEpisodesByVector(OTHER_NS, target, {}, 10);
      expect(foreignHits.map((hit) => hit.id)).toEqual([foreign.id]);
      expect(await storage.searchEpisodesByVector('contract-empty', target, {}, 10)).toEqual([]);
    });

    it('ranks patterns by cosine with pattern filters', async () => {
      const storage = harness.storage();
      const dimensions = harness.target.dimensions;
      const near = patternContribution({ similarityKey: 'near' });
      const far = patternContribution({ similarityKey: 'far', context: { domain: 'data', tags: [] } });
      const decision = patternContribution({
        similarityKey: 'decision',
        content: { type: 'decision_point', condition: 'when x', action: 'do y' },
      });
      await storage.upsertPatterns([near, far, decision]);
      await storage.saveEmbedding(NS, 'pattern', near.newId, blend(dimensions, 0.1));
      await storage.saveEmbedding(NS, 'pattern', far.newId, blend(dimensions, 0.8));
      await storage.saveEmbedding(NS, 'pattern', decision.newId, blend(dimensions, 0.4));
      const ids = async (filter: Parameters<typeof storage.searchPatternsByVector>[2], limit = 10) =>
        (await storage.searchPatternsByVector(NS, axis(dimensions, 0), filter, limit)).map((hit) => hit.id);
      expect(await ids({})).toEqual([near.newId, decision.newId, far.newId]);
      expect(await ids({}, 2)).toEqual([near.newId, decision.newId]);
      expect(await ids({ types: ['tool_sequence'] })).toEqual([near.newId, far.newId]);
      expect(await ids({ domains: ['data'] })).toEqual([far.newId]);
      expect(await storage.searchPatternsByVector(OTHER_NS, axis(dimensions, 0), {}, 10)).toEqual([]);
    });

    it('forgets the vector of a deleted episode', async () => {
      const storage = harness.storage();
      const dimensions = harness.target.dimensions;
      const kept = completedEpisode();
      const removed = completedEpisode();
      for (const record of [kept, removed]) {
        await storage.insertEpisode(record);
        await storage.saveEmbedding(NS, 'episode', record.id, axis(dimensions, 0));
      }
      await storage.deleteEpisode(NS, removed.id);
      const hits = await storage.searchEpisodesByVector(NS, axis(dimensions, 0), {}, 10);
      expect(hits.map((hit) => hit.id)).toEqual([kept.id]);
      expect((await storage.getEmbeddings(NS, 'episode', [removed.id, kept.id])).size).toBe(1);
    });
  });
}
