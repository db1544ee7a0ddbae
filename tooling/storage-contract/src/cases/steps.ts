import { describe, expect, it } from 'vitest';
import { expectCode } from '../expect-code.js';
import { at, completedEpisode, episode, NS, newId, OTHER_NS, step } from '../fixtures.js';
import type { Harness } from '../harness.js';

export function stepCases(harness: Harness): void {
  describe('appendSteps', () => {
    it('appends steps and reads them back ordered by number', async () => {
      const storage = harness.storage();
      const open = episode({ steps: [step(1)] });
      await storage.insertEpisode(open);
      const result = await storage.appendSteps(NS, open.id, [step(3), step(2)]);
      expect(result).toEqual({ appended: 2, unchanged: 0, stepCount: 3 });
      const read = await storage.getEpisode(NS, open.id);
      expect(read?.steps).toEqual([step(1), step(2), step(3)]);
    });

    it('treats a step already stored with the same content as a no-op, whatever its log time', async () => {
      const storage = harness.storage();
      const open = episode();
      await storage.insertEpisode(open);
      await storage.appendSteps(NS, open.id, [step(1), step(2)]);
      const retry = await storage.appendSteps(NS, open.id, [step(1, { at: at(500) }), step(2), step(3)]);
      expect(retry).toEqual({ appended: 1, unchanged: 2, stepCount: 3 });
      expect((await storage.getEpisode(NS, open.id))?.steps).toEqual([step(1), step(2), step(3)]);
    });

    it('fails the whole call with CONFLICT when a stored step number comes with different content', async () => {
      const storage = harness.storage();
      const open = episode();
      await storage.insertEpisode(open);
      await storage.appendSteps(NS, open.id, [step(1)]);
      await expectCode(
        storage.appendSteps(NS, open.id, [step(2), step(1, { action: 'something else' })]),
        'CONFLICT',
      );
      expect((await storage.getEpisode(NS, open.id))?.steps).toEqual([step(1)]);
    });

    it('fails with CONFLICT when one call carries two different steps with the same number', async () => {
      const storage = harness.storage();
      const open = episode();
      await storage.insertEpisode(open);
      await expectCode(storage.appendSteps(NS, open.id, [step(1), step(1, { tool: 'other' })]), 'CONFLICT');
      expect((await storage.getEpisode(NS, open.id))?.steps).toEqual([]);
    });

    it('refuses steps for a completed episode with CONFLICT', async () => {
      const storage = harness.storage();
      const done = completedEpisode({ steps: [step(1)] });
      await storage.insertEpisode(done);
      await expectCode(storage.appendSteps(NS, done.id, [step(2)]), 'CONFLICT');
      expect((await storage.getEpisode(NS, done.id))?.steps).toEqual([step(1)]);
    });

    it('fails with NOT_FOUND for an unknown episode or one of another namespace', async () => {
      const storage = harness.storage();
      await expectCode(storage.appendSteps(NS, newId(), [step(1)]), 'NOT_FOUND');
      const foreign = episode({ namespace: OTHER_NS });
      await storage.insertEpisode(foreign);
      await expectCode(storage.appendSteps(NS, foreign.id, [step(1)]), 'NOT_FOUND');
      expect((await storage.getEpisode(OTHER_NS, foreign.id))?.steps).toEqual([]);
    });

    it('refuses to grow an episode past 1,000 steps with VALIDATION_FAILED, writing nothing', async () => {
      const storage = harness.storage();
      const steps = Array.from({ length: 999 }, (_, index) => step(index + 1));
      const open = episode({ steps });
      await storage.insertEpisode(open);
      await expectCode(storage.appendSteps(NS, open.id, [step(1000), step(1001)]), 'VALIDATION_FAILED');
      expect((await storage.getEpisode(NS, open.id))?.steps).toHaveLength(999);
      expect(await storage.appendSteps(NS, open.id, [step(1000)])).toEqual({
        appended: 1,
        unchanged: 0,
        stepCount: 1000,
      });
    });

    it('keeps every step of concurrent appends', async () => {
      const storage = harness.storage();
      const open = episode();
      await storage.insertEpisode(open);
      const numbers = Array.from({ length: 24 }, (_, index) => index + 1);
      await Promise.all(numbers.map((number) => storage.appendSteps(NS, open.id, [step(number)])));
      const read = await storage.getEpisode(NS, open.id);
      expect(read?.steps.map((stored) => stored.stepNumber)).toEqual(numbers);
    });

    it('stores every field of a step verbatim', async () => {
      const storage = harness.storage();
      const open = episode();
      await storage.insertEpisode(open);
      const detailed = step(1, {
        tool: 'run_sql',
        action: 'SELECT * FROM t WHERE name = \'x\'; -- "quoted" \u0001',
        // A `__proto__` key arrives in JSON bodies as plain data and must stay plain data.
        parameters: JSON.parse(
          '{"nested": {"list": [1, "two", null, true]}, "empty": {}, "__proto__": {"polluted": 1}}',
        ),
        result: { type: 'error', message: 'boom: \n line two' },
        tokensUsed: 42,
        metadata: { source: 'contract' },
      });
      const timeout = step(2, { result: { type: 'timeout' } });
      const { result: _none, ...withoutResult } = step(3);
      await storage.appendSteps(NS, open.id, [detailed, timeout, withoutResult]);
      const read = await storage.getEpisode(NS, open.id);
      expect(read?.steps).toEqual([detailed, timeout, withoutResult]);
      expect(Object.keys(read!.steps[0]!.parameters)).toEqual(['nested', 'empty', '__proto__']);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    });
  });
}
