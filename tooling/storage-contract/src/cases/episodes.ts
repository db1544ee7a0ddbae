import { describe, expect, it } from 'vitest';
import { expectCode } from '../expect-code.js';
import { at, episode, NS, newId, OTHER_NS, step } from '../fixtures.js';
import type { Harness } from '../harness.js';

export function episodeCases(harness: Harness): void {
  describe('episodes', () => {
    it('stores an episode and reads it back exactly, steps ordered by number', async () => {
      const storage = harness.storage();
      const stored = episode({ steps: [step(2), step(1)], labels: ['alpha'], metadata: { team: 'core' } });
      await storage.insertEpisode(stored);
      expect(await storage.getEpisode(NS, stored.id)).toEqual({ ...stored, steps: [step(1), step(2)] });
    });

    it('returns null for an unknown id and for another namespace', async () => {
      const storage = harness.storage();
      const stored = episode();
      await storage.insertEpisode(stored);
      expect(await storage.getEpisode(NS, newId())).toBeNull();
      expect(await storage.getEpisode(OTHER_NS, stored.id)).toBeNull();
    });

    it('refuses a second episode with the same id, in any namespace', async () => {
      const storage = harness.storage();
      const stored = episode();
      await storage.insertEpisode(stored);
      await expectCode(storage.insertEpisode({ ...stored, taskDescription: 'other' }), 'CONFLICT');
      await expectCode(storage.insertEpisode({ ...stored, namespace: OTHER_NS }), 'CONFLICT');
      expect((await storage.getEpisode(NS, stored.id))?.taskDescription).toBe(stored.taskDescription);
      expect(await storage.getEpisode(OTHER_NS, stored.id)).toBeNull();
    });

    it('hands out copies: mutating inputs or results never changes what is stored', async () => {
      const storage = harness.storage();
      const input = episode({ labels: ['alpha'] });
      await storage.insertEpisode(input);
      input.labels.push('mutated');
      input.taskDescription = 'mutated';
      const read = await storage.getEpisode(NS, input.id);
      read!.labels.push('mutated-too');
      read!.context.tags.push('mutated');
      const again = await storage.getEpisode(NS, input.id);
      expect(again?.labels).toEqual(['alpha']);
      expect(again?.taskDescription).toBe('Fix the failing checkout test');
      expect(again?.context.tags).toEqual(['backend']);
    });

    it('getEpisodes returns the existing ones in the order asked, skipping absent and foreign ids', async () => {
      const storage = harness.storage();
      const first = episode();
      const second = episode();
      const foreign = episode({ namespace: OTHER_NS });
      for (const record of [first, second, foreign]) await storage.insertEpisode(record);
      const found = await storage.getEpisodes(NS, [second.id, newId(), foreign.id, first.id]);
      expect(found.map((record) => record.id)).toEqual([second.id, first.id]);
      expect(await storage.getEpisodes(NS, [])).toEqual([]);
    });

    it('updateEpisode replaces the mutable parts, bumps the version and keeps id, start and steps', async () => {
      const storage = harness.storage();
      const stored = episode({ steps: [step(1)] });
      await storage.insertEpisode(stored);
      const updated = await storage.updateEpisode(
        {
          ...stored,
          taskDescription: 'Renamed task',
          metadata: { owner: 'me' },
          labels: ['beta'],
          startedAt: at(999),
          steps: [step(1), step(2)],
          archivedAt: at(5),
        },
        1,
      );
      const expected = {
        ...stored,
        taskDescription: 'Renamed task',
        metadata: { owner: 'me' },
        labels: ['beta'],
        archivedAt: at(5),
        version: 2,
      };
      expect(updated).toEqual(expected);
      expect(await storage.getEpisode(NS, stored.id)).toEqual(expected);
    });

    it('updateEpisode can remove optional fields (restore clears archivedAt)', async () => {
      const storage = harness.storage();
      const stored = episode({ archivedAt: at(3) });
      await storage.insertEpisode(stored);
      const { archivedAt: _archived, ...restored } = stored;
      await storage.updateEpisode(restored, 1);
      const read = await storage.getEpisode(NS, stored.id);
      expect(read?.archivedAt).toBeUndefined();
      expect(read?.version).toBe(2);
    });

    it('updateEpisode fails with CONFLICT on a stale version and changes nothing', async () => {
      const storage = harness.storage();
      const stored = episode();
      await storage.insertEpisode(stored);
      await storage.updateEpisode({ ...stored, taskDescription: 'first writer' }, 1);
      await expectCode(storage.updateEpisode({ ...stored, taskDescription: 'second writer' }, 1), 'CONFLICT');
      const read = await storage.getEpisode(NS, stored.id);
      expect(read?.taskDescription).toBe('first writer');
      expect(read?.version).toBe(2);
    });

    it('of concurrent updates with the same expected version exactly one wins', async () => {
      const storage = harness.storage();
      const stored = episode();
      await storage.insertEpisode(stored);
      const results = await Promise.allSettled(
        [1, 2, 3, 4].map((writer) =>
          storage.updateEpisode({ ...stored, taskDescription: `writer ${writer}` }, 1),
        ),
      );
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      for (const result of results) {
        if (result.status === 'rejected') expect((result.reason as { code: string }).code).toBe('CONFLICT');
      }
      expect((await storage.getEpisode(NS, stored.id))?.version).toBe(2);
    });

    it('updateEpisode fails with NOT_FOUND for an unknown episode or another namespace', async () => {
      const storage = harness.storage();
      const stored = episode();
      await expectCode(storage.updateEpisode(stored, 1), 'NOT_FOUND');
      await storage.insertEpisode(stored);
      await expectCode(storage.updateEpisode({ ...stored, namespace: OTHER_NS }, 1), 'NOT_FOUND');
    });

    it('finds the episode holding a checkpoint, only in its namespace', async () => {
      const storage = harness.storage();
      const stored = episode({ steps: [step(1)] });
      await storage.insertEpisode(stored);
      const checkpointId = newId();
      await storage.updateEpisode(
        {
          ...stored,
          checkpoints: [
            { id: checkpointId, episodeId: stored.id, stepNumber: 1, reason: 'halfway', createdAt: at(2) },
          ],
        },
        1,
      );
      expect((await storage.findEpisodeByCheckpoint(NS, checkpointId))?.id).toBe(stored.id);
      expect(await storage.findEpisodeByCheckpoint(OTHER_NS, checkpointId)).toBeNull();
      expect(await storage.findEpisodeByCheckpoint(NS, newId())).toBeNull();
    });
  });
}
