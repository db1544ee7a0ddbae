import type { ExportRecord, ExportRecordType } from '@slm/memory-core';
import { searchTerms } from '@slm/memory-core';
import { describe, expect, it } from 'vitest';
import { expectCode } from '../expect-code.js';
import {
  at,
  completedEpisode,
  episode,
  feedback,
  NS,
  newId,
  OTHER_NS,
  patternContribution,
  relationship,
  step,
} from '../fixtures.js';
import type { Harness } from '../harness.js';
import { collect, populate } from '../populate.js';

const TYPE_ORDER: ExportRecordType[] = [
  'episode',
  'pattern',
  'heuristic',
  'relationship',
  'recommendation_session',
  'recommendation_feedback',
];

export function exportImportCases(harness: Harness): void {
  describe('export and import', () => {
    it('exports every record of a namespace in type order, with steps and usage, and nothing else', async () => {
      const storage = harness.storage();
      const population = await populate(storage, harness.target.dimensions);
      const records = await collect(storage.exportRecords({ namespace: NS }));
      const types = records.map((record) => TYPE_ORDER.indexOf(record.type));
      expect(types).toEqual([...types].sort((left, right) => left - right));
      expect(records.every((record) => record.record.namespace === NS)).toBe(true);
      const counts = await storage.countRecords({ namespace: NS });
      for (const type of TYPE_ORDER) {
        expect({ type, count: records.filter((record) => record.type === type).length }).toEqual({
          type,
          count: counts[type],
        });
      }
      const exported = records.find(
        (record) => record.type === 'episode' && record.record.id === population.open.id,
      );
      expect(exported?.record).toEqual(await storage.getEpisode(NS, population.open.id));
      const pattern = records.find(
        (record) => record.type === 'pattern' && record.record.id === population.patternIds[0],
      );
      expect(pattern?.record).toEqual(await storage.getPattern(NS, population.patternIds[0]!));
      expect(await collect(storage.exportRecords({ namespace: 'contract-empty' }))).toEqual([]);
    });

    it('round-trips: export → import into an empty store → export gives the same records', async () => {
      const storage = harness.storage();
      await populate(storage, harness.target.dimensions);
      const exported = await collect(storage.exportRecords({ namespace: null }));
      const target = await harness.fresh();
      const summary = await target.importRecords(exported);
      expect(summary.imported).toEqual(await storage.countRecords({ namespace: null }));
      expect(await collect(target.exportRecords({ namespace: null }))).toEqual(exported);
      expect(await target.stats(NS)).toEqual(await storage.stats(NS));
      expect(await target.stats(OTHER_NS)).toEqual(await storage.stats(OTHER_NS));
      expect(await target.recommendationStats(NS)).toEqual(await storage.recommendationStats(NS));
    });

    it('imports idempotently: the same records twice leave the store as after the first import', async () => {
      const storage = harness.storage();
      await populate(storage, harness.target.dimensions);
      const exported = await collect(storage.exportRecords({ namespace: NS }));
      const target = await harness.fresh();
      await target.importRecords(exported);
      const once = await collect(target.exportRecords({ namespace: NS }));
      await target.importRecords(exported);
      await target.importRecords(exported.slice(3));
      expect(await collect(target.exportRecords({ namespace: NS }))).toEqual(once);
      expect(await target.stats(NS)).toEqual(await storage.stats(NS));
      // Importing into the source itself changes nothing either.
      await storage.importRecords(exported);
      expect(await collect(storage.exportRecords({ namespace: NS }))).toEqual(exported);
    });

    it('upserts by id: a changed record replaces the stored one', async () => {
      const storage = harness.storage();
      const stored = completedEpisode({ taskDescription: 'before the import', labels: ['old'] });
      await storage.insertEpisode(stored);
      const changed = { ...stored, taskDescription: 'after the import', labels: ['new'], version: 7 };
      const summary = await storage.importRecords([{ type: 'episode', record: changed }]);
      expect(summary.imported.episode).toBe(1);
      expect(await storage.getEpisode(NS, stored.id)).toEqual(changed);
      expect((await storage.listEpisodes(NS, { labelsAny: ['old'] })).items).toEqual([]);
      expect((await storage.listEpisodes(NS, { labelsAny: ['new'] })).items.map((item) => item.id)).toEqual([
        stored.id,
      ]);
      const hits = await storage.searchEpisodesByText(NS, searchTerms('before'), {}, 10);
      expect(hits).toEqual([]);
    });

    it('makes imported records live: searchable, mergeable, appendable and constrained', async () => {
      const storage = harness.storage();
      const population = await populate(storage, harness.target.dimensions);
      const target = await harness.fresh();
      await target.importRecords(await collect(storage.exportRecords({ namespace: NS })));
      const hits = await target.searchEpisodesByText(NS, searchTerms('invoice export'), {}, 10);
      expect(hits[0]?.id).toBe(population.succeeded.id);
      const patternHits = await target.searchPatternsByText(NS, searchTerms('cache cold'), {}, 10);
      expect(patternHits.map((hit) => hit.id)).toEqual([population.patternIds[1]]);
      const [merged] = await target.upsertPatterns([patternContribution()]);
      expect(merged?.id).toBe(population.patternIds[0]);
      expect(merged?.stats.occurrences).toBe(3);
      expect(await target.appendSteps(NS, population.open.id, [step(3)])).toEqual({
        appended: 1,
        unchanged: 0,
        stepCount: 3,
      });
      await expectCode(
        target.addRelationship(relationship(population.failed.id, population.succeeded.id, 'depends_on')),
        'CONFLICT',
      );
      await expectCode(target.insertRecommendationFeedback(feedback(population.sessionId), []), 'CONFLICT');
      await expectCode(target.insertEpisode(population.open), 'CONFLICT');
    });

    it('refuses a batch whose relationship or feedback points at nothing, writing none of it', async () => {
      const storage = harness.storage();
      const lonely = episode();
      const batch: ExportRecord[] = [
        { type: 'episode', record: lonely },
        { type: 'relationship', record: relationship(lonely.id, newId(), 'depends_on') },
      ];
      await expectCode(storage.importRecords(batch), 'NOT_FOUND');
      expect(await storage.getEpisode(NS, lonely.id)).toBeNull();
      await expectCode(
        storage.importRecords([{ type: 'recommendation_feedback', record: feedback(newId()) }]),
        'NOT_FOUND',
      );
      expect(await storage.countRecords({ namespace: null })).toEqual({
        episode: 0,
        pattern: 0,
        heuristic: 0,
        relationship: 0,
        recommendation_session: 0,
        recommendation_feedback: 0,
      });
    });

    it('exports only records at or after `since`', async () => {
      const storage = harness.storage();
      await populate(storage, harness.target.dimensions);
      const recent = await collect(storage.exportRecords({ namespace: NS, since: at(21) }));
      expect(recent.map((record) => record.type)).toEqual([
        'relationship',
        'recommendation_session',
        'recommendation_session',
        'recommendation_feedback',
      ]);
      expect(await collect(storage.exportRecords({ namespace: NS, since: at(1000) }))).toEqual([]);
    });
  });
}
