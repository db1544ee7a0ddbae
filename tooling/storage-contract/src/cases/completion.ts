import { describe, expect, it } from 'vitest';
import { expectCode } from '../expect-code.js';
import { completed, episode, FAILURE, NS, step } from '../fixtures.js';
import type { Harness } from '../harness.js';

export function completionCases(harness: Harness): void {
  describe('completeEpisode', () => {
    it('stores the completion under the expected version and bumps it', async () => {
      const storage = harness.storage();
      const open = episode({ steps: [step(1), step(2)] });
      await storage.insertEpisode(open);
      const done = completed(open);
      const stored = await storage.completeEpisode(done, 1);
      expect(stored).toEqual({ ...done, version: 2 });
      expect(await storage.getEpisode(NS, open.id)).toEqual({ ...done, version: 2 });
    });

    it('fails with CONFLICT on a stale version', async () => {
      const storage = harness.storage();
      const open = episode();
      await storage.insertEpisode(open);
      await storage.updateEpisode({ ...open, labels: ['moved-on'] }, 1);
      await expectCode(storage.completeEpisode(completed(open), 1), 'CONFLICT');
      const read = await storage.getEpisode(NS, open.id);
      expect(read?.endedAt).toBeUndefined();
      expect(read?.outcome).toBeUndefined();
    });

    it('fails with CONFLICT when the episode is already completed, keeping the first outcome', async () => {
      const storage = harness.storage();
      const open = episode();
      await storage.insertEpisode(open);
      await storage.completeEpisode(completed(open), 1);
      await expectCode(storage.completeEpisode({ ...completed(open, FAILURE), version: 2 }, 2), 'CONFLICT');
      const read = await storage.getEpisode(NS, open.id);
      expect(read?.outcome?.type).toBe('success');
      expect(read?.version).toBe(2);
    });

    it('fails with CONFLICT when a step arrived after the episode was read (the step race)', async () => {
      const storage = harness.storage();
      const open = episode({ steps: [step(1)] });
      await storage.insertEpisode(open);
      const seen = await storage.getEpisode(NS, open.id);
      await storage.appendSteps(NS, open.id, [step(2)]);
      await expectCode(storage.completeEpisode(completed(seen!), seen!.version), 'CONFLICT');
      const still = await storage.getEpisode(NS, open.id);
      expect(still?.endedAt).toBeUndefined();
      expect(still?.steps).toEqual([step(1), step(2)]);
      // Re-reading and completing again includes the raced step.
      const stored = await storage.completeEpisode(completed(still!), still!.version);
      expect(stored.steps).toEqual([step(1), step(2)]);
      expect(stored.endedAt).toBeDefined();
    });

    it('fails with NOT_FOUND for an unknown episode', async () => {
      await expectCode(harness.storage().completeEpisode(completed(episode()), 1), 'NOT_FOUND');
    });

    it('refuses steps once completed', async () => {
      const storage = harness.storage();
      const open = episode();
      await storage.insertEpisode(open);
      await storage.completeEpisode(completed(open), 1);
      await expectCode(storage.appendSteps(NS, open.id, [step(1)]), 'CONFLICT');
    });
  });
}
