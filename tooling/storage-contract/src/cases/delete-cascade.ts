import { searchTerms } from '@slm/memory-core';
import { describe, expect, it } from 'vitest';
import {
  at,
  axis,
  completedEpisode,
  heuristicContribution,
  NS,
  newId,
  OTHER_NS,
  patternContribution,
  relationship,
  step,
} from '../fixtures.js';
import type { Harness } from '../harness.js';

export function deleteCascadeCases(harness: Harness): void {
  describe('deleteEpisode', () => {
    it('removes the episode with its steps, embedding, labels, checkpoints and relationships', async () => {
      const storage = harness.storage();
      const dimensions = harness.target.dimensions;
      const checkpointId = newId();
      const doomed = completedEpisode({
        taskDescription: 'doomed kraken task',
        labels: ['doomed'],
        steps: [step(1), step(2)],
        checkpoints: [{ id: checkpointId, episodeId: '', stepNumber: 1, reason: 'cp', createdAt: at(1) }],
      });
      doomed.checkpoints[0]!.episodeId = doomed.id;
      const kept = completedEpisode({ taskDescription: 'kept kraken task' });
      const other = completedEpisode();
      for (const record of [doomed, kept, other]) await storage.insertEpisode(record);
      await storage.saveEmbedding(NS, 'episode', doomed.id, axis(dimensions, 0));
      await storage.saveEmbedding(NS, 'episode', kept.id, axis(dimensions, 0));
      await storage.addRelationship(relationship(doomed.id, kept.id, 'depends_on'));
      await storage.addRelationship(relationship(other.id, doomed.id, 'related_to'));
      await storage.addRelationship(relationship(kept.id, other.id, 'follows'));

      expect(await storage.deleteEpisode(NS, doomed.id)).toBe(true);

      expect(await storage.getEpisode(NS, doomed.id)).toBeNull();
      expect(await storage.getEpisodes(NS, [doomed.id])).toEqual([]);
      expect(
        (await storage.listEpisodes(NS, { archived: 'include' })).items.map((item) => item.id),
      ).not.toContain(doomed.id);
      expect((await storage.listEpisodes(NS, { labelsAny: ['doomed'] })).items).toEqual([]);
      expect((await storage.getEmbeddings(NS, 'episode', [doomed.id])).size).toBe(0);
      const textHits = await storage.searchEpisodesByText(NS, searchTerms('kraken'), {}, 10);
      expect(textHits.map((hit) => hit.id)).toEqual([kept.id]);
      const vectorHits = await storage.searchEpisodesByVector(NS, axis(dimensions, 0), {}, 10);
      expect(vectorHits.map((hit) => hit.id)).toEqual([kept.id]);
      expect(await storage.findEpisodeByCheckpoint(NS, checkpointId)).toBeNull();
      expect(await storage.listRelationships(NS, doomed.id)).toEqual([]);
      expect((await storage.listRelationships(NS, kept.id)).map((link) => link.toEpisodeId)).toEqual([
        other.id,
      ]);
      expect((await storage.listRelationships(NS, other.id)).map((link) => link.fromEpisodeId)).toEqual([
        kept.id,
      ]);
      const stats = await storage.stats(NS);
      expect(stats.episodes.total).toBe(2);
      expect(stats.steps).toBe(0);
      expect(stats.relationships).toBe(1);
    });

    it('keeps pattern and heuristic counts but drops the episode from their evidence', async () => {
      const storage = harness.storage();
      const doomed = completedEpisode();
      const kept = completedEpisode();
      for (const record of [doomed, kept]) await storage.insertEpisode(record);
      const [pattern] = await storage.upsertPatterns([
        patternContribution({ episodeId: doomed.id }),
        patternContribution({ episodeId: kept.id }),
      ]);
      const [heuristic] = await storage.upsertHeuristics([
        heuristicContribution({ episodeId: doomed.id }),
        heuristicContribution({ episodeId: kept.id, success: 0 }),
      ]);
      await storage.deleteEpisode(NS, doomed.id);
      const after = await storage.getPattern(NS, pattern!.id);
      expect(after?.stats).toEqual({ occurrences: 2, successes: 2, failures: 0 });
      expect(after?.sourceEpisodeIds).toEqual([kept.id]);
      const [heuristicAfter] = await storage.getHeuristics(NS, [heuristic!.id]);
      expect(heuristicAfter?.evidence).toEqual({ episodeIds: [kept.id], successes: 1, total: 2 });
    });

    it('returns false for an unknown episode and never deletes across namespaces', async () => {
      const storage = harness.storage();
      const stored = completedEpisode();
      await storage.insertEpisode(stored);
      expect(await storage.deleteEpisode(OTHER_NS, stored.id)).toBe(false);
      expect(await storage.deleteEpisode(NS, newId())).toBe(false);
      expect(await storage.getEpisode(NS, stored.id)).not.toBeNull();
      expect(await storage.deleteEpisode(NS, stored.id)).toBe(true);
      expect(await storage.deleteEpisode(NS, stored.id)).toBe(false);
    });

    it('frees the id: an episode with the same id can be inserted again', async () => {
      const storage = harness.storage();
      const stored = completedEpisode();
      await storage.insertEpisode(stored);
      await storage.deleteEpisode(NS, stored.id);
      await storage.insertEpisode({ ...stored, taskDescription: 'second life' });
      expect((await storage.getEpisode(NS, stored.id))?.taskDescription).toBe('second life');
    });
  });
}
