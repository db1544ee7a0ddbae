import type { Episode, EpisodeFilter, StorageBackend } from '@slm/memory-core';
import { searchTerms } from '@slm/memory-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { at, completed, episode, FAILURE, NS, newId, OTHER_NS } from '../fixtures.js';
import type { Harness } from '../harness.js';

async function ids(storage: StorageBackend, filter: EpisodeFilter): Promise<string[]> {
  const page = await storage.listEpisodes(NS, filter, { limit: 100 });
  return page.items.map((item) => item.id);
}

/** Six episodes that differ in every filtered field; `e[i]` started at minute i. */
async function seed(storage: StorageBackend): Promise<Episode[]> {
  const e: Episode[] = [
    completed(
      episode({
        startedAt: at(0),
        taskType: 'debugging',
        context: { domain: 'web-api', complexity: 'simple', tags: ['backend', 'auth'] },
        labels: ['urgent', 'customer'],
        taskDescription: 'Fix the refund calculation bug',
      }),
      undefined,
      1.2,
    ),
    completed(
      episode({
        startedAt: at(1),
        taskType: 'testing',
        context: { domain: 'web-api', complexity: 'moderate', tags: ['backend'] },
        labels: ['urgent'],
        taskDescription: 'Write tests for the refund endpoint',
      }),
      FAILURE,
      0.2,
    ),
    completed(
      episode({
        startedAt: at(2),
        taskType: 'refactoring',
        context: { domain: 'data', complexity: 'complex', tags: ['etl'] },
        labels: ['customer'],
        taskDescription: 'Refactor the nightly export job',
      }),
      { type: 'partial_success', verdict: 'half', completed: ['a'], failed: ['b'] },
      0.6,
    ),
    episode({
      startedAt: at(3),
      taskType: 'debugging',
      context: { domain: 'data', complexity: 'simple', tags: ['etl', 'auth'] },
      taskDescription: 'Investigate the export timeout',
    }),
    {
      ...completed(episode({ startedAt: at(4), taskDescription: 'Archived refund work' })),
      archivedAt: at(10),
    },
    episode({ startedAt: at(5), taskType: 'analysis', taskDescription: 'Analyse checkout latency' }),
  ];
  for (const record of e) await storage.insertEpisode(record);
  await storage.insertEpisode(
    episode({ namespace: OTHER_NS, startedAt: at(6), taskDescription: 'Foreign refund' }),
  );
  return e;
}

export function listEpisodeCases(harness: Harness): void {
  describe('listEpisodes', () => {
    it('lists newest first (startedAt desc, then id desc), archived excluded by default', async () => {
      const storage = harness.storage();
      const e = await seed(storage);
      expect(await ids(storage, {})).toEqual([e[5]!.id, e[3]!.id, e[2]!.id, e[1]!.id, e[0]!.id]);
      const same = [episode({ startedAt: at(100) }), episode({ startedAt: at(100) })];
      for (const record of same) await storage.insertEpisode(record);
      const sorted = same
        .map((record) => record.id)
        .sort()
        .reverse();
      expect((await ids(storage, {})).slice(0, 2)).toEqual(sorted);
    });

    it('applies every filter', async () => {
      const storage = harness.storage();
      const e = await seed(storage);
      const id = (index: number) => e[index]!.id;
      const cases: Array<[EpisodeFilter, string[]]> = [
        [{ taskTypes: ['debugging'] }, [id(3), id(0)]],
        [{ taskTypes: ['debugging', 'testing'] }, [id(3), id(1), id(0)]],
        [{ domains: ['data'] }, [id(3), id(2)]],
        [{ labelsAny: ['customer', 'nope'] }, [id(2), id(0)]],
        [{ labelsAll: ['urgent', 'customer'] }, [id(0)]],
        [{ tags: ['etl', 'auth'] }, [id(3)]],
        [{ tags: ['backend'] }, [id(5), id(1), id(0)]],
        [{ startedAfter: at(1) }, [id(5), id(3), id(2), id(1)]],
        [{ startedBefore: at(2) }, [id(1), id(0)]],
        [{ startedAfter: at(1), startedBefore: at(3) }, [id(2), id(1)]],
        [{ outcomeTypes: ['failure', 'partial_success'] }, [id(2), id(1)]],
        [{ rewardMin: 0.6 }, [id(2), id(0)]],
        [{ rewardMax: 0.6 }, [id(2), id(1)]],
        [{ rewardMin: 0.3, rewardMax: 1 }, [id(2)]],
        [{ completed: true }, [id(2), id(1), id(0)]],
        [{ completed: false }, [id(5), id(3)]],
        [{ archived: 'only' }, [id(4)]],
        [{ archived: 'include' }, [id(5), id(4), id(3), id(2), id(1), id(0)]],
        [{ textTerms: searchTerms('refund') }, [id(1), id(0)]],
        [{ textTerms: searchTerms('refund tests') }, [id(1)]],
        [{ textTerms: searchTerms('refund'), archived: 'include' }, [id(4), id(1), id(0)]],
        [{ domains: ['web-api'], completed: true, labelsAny: ['urgent'] }, [id(1), id(0)]],
      ];
      for (const [filter, expected] of cases) {
        expect({ filter, ids: await ids(storage, filter) }).toEqual({ filter, ids: expected });
      }
    });

    it('never lists another namespace', async () => {
      const storage = harness.storage();
      await seed(storage);
      const foreign = await storage.listEpisodes(OTHER_NS, { archived: 'include' });
      expect(foreign.items.map((item) => item.taskDescription)).toEqual(['Foreign refund']);
      expect(await storage.listEpisodes('contract-empty', {})).toEqual({ items: [], nextCursor: null });
    });

    it('pages with a cursor: no repeats, nothing skipped, null at the end', async () => {
      const storage = harness.storage();
      const inserted = Array.from({ length: 25 }, (_, index) => episode({ startedAt: at(index) }));
      for (const record of inserted) await storage.insertEpisode(record);
      const seen: string[] = [];
      let cursor: string | null = null;
      const sizes: number[] = [];
      do {
        const page = await storage.listEpisodes(NS, {}, { limit: 10, cursor });
        sizes.push(page.items.length);
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(sizes).toEqual([10, 10, 5]);
      expect(seen).toEqual(inserted.map((record) => record.id).reverse());
    });

    it('keeps cursors stable while episodes are inserted and deleted', async () => {
      const storage = harness.storage();
      const inserted = Array.from({ length: 12 }, (_, index) => episode({ startedAt: at(index) }));
      for (const record of inserted) await storage.insertEpisode(record);
      const newestFirst = inserted.map((record) => record.id).reverse();
      const first = await storage.listEpisodes(NS, {}, { limit: 4 });
      expect(first.items.map((item) => item.id)).toEqual(newestFirst.slice(0, 4));
      // A newer episode arrives and the last item of page one is deleted.
      await storage.insertEpisode(episode({ startedAt: at(50) }));
      await storage.deleteEpisode(NS, newestFirst[3]!);
      const second = await storage.listEpisodes(NS, {}, { limit: 4, cursor: first.nextCursor });
      expect(second.items.map((item) => item.id)).toEqual(newestFirst.slice(4, 8));
      const third = await storage.listEpisodes(NS, {}, { limit: 4, cursor: second.nextCursor });
      expect(third.items.map((item) => item.id)).toEqual(newestFirst.slice(8, 12));
      expect(third.nextCursor).toBeNull();
    });

    it('pages a filtered list and bounds the page size (default 20, at most 100)', async () => {
      const storage = harness.storage();
      for (let index = 0; index < 130; index++) {
        await storage.insertEpisode(
          episode({ startedAt: at(index), labels: index % 2 === 0 ? ['even'] : [] }),
        );
      }
      expect((await storage.listEpisodes(NS, {})).items).toHaveLength(20);
      expect((await storage.listEpisodes(NS, {}, { limit: 1000 })).items).toHaveLength(100);
      const first = await storage.listEpisodes(NS, { labelsAny: ['even'] }, { limit: 50 });
      const second = await storage.listEpisodes(NS, { labelsAny: ['even'] }, { limit: 50 });
      expect(second.items.map((item) => item.id)).toEqual(first.items.map((item) => item.id));
      const rest = await storage.listEpisodes(
        NS,
        { labelsAny: ['even'] },
        { limit: 50, cursor: first.nextCursor },
      );
      expect(first.items).toHaveLength(50);
      expect(rest.items).toHaveLength(15);
      expect(rest.nextCursor).toBeNull();
      expect([...first.items, ...rest.items].every((item) => item.labels.includes('even'))).toBe(true);
    });

    it('pages concatenate to the whole filtered list, for any start times, labels and page size (property)', async () => {
      const storage = harness.storage();
      let run = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.record({ minute: fc.integer({ min: 0, max: 20 }), even: fc.boolean() }), {
            maxLength: 25,
          }),
          fc.integer({ min: 1, max: 7 }),
          fc.boolean(),
          async (specs, limit, filtered) => {
            const namespace = `contract-pages-${run++}`;
            const inserted = specs.map((spec) =>
              episode({ namespace, startedAt: at(spec.minute), labels: spec.even ? ['even'] : [] }),
            );
            for (const record of inserted) await storage.insertEpisode(record);
            const filter: EpisodeFilter = filtered ? { labelsAny: ['even'] } : {};
            const expected = inserted
              .filter((record) => !filtered || record.labels.includes('even'))
              .sort(
                (left, right) =>
                  right.startedAt.localeCompare(left.startedAt) || (left.id < right.id ? 1 : -1),
              )
              .map((record) => record.id);
            const seen: string[] = [];
            let cursor: string | null = null;
            do {
              const page = await storage.listEpisodes(namespace, filter, { limit, cursor });
              expect(page.items.length).toBeLessThanOrEqual(limit);
              seen.push(...page.items.map((item) => item.id));
              cursor = page.nextCursor;
            } while (cursor !== null && seen.length <= inserted.length);
            expect(seen).toEqual(expected);
          },
        ),
        { numRuns: 25 },
      );
    });

    it('reflects label changes made by updateEpisode', async () => {
      const storage = harness.storage();
      const tagged = episode({ labels: ['first'] });
      await storage.insertEpisode(tagged);
      expect(await ids(storage, { labelsAny: ['first'] })).toEqual([tagged.id]);
      await storage.updateEpisode({ ...tagged, labels: ['second'] }, 1);
      expect(await ids(storage, { labelsAny: ['first'] })).toEqual([]);
      expect(await ids(storage, { labelsAll: ['second'] })).toEqual([tagged.id]);
      expect(await ids(storage, { labelsAny: [newId().slice(0, 8)] })).toEqual([]);
    });
  });
}
