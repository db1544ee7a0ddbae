import { describe, expect, it } from 'vitest';
import { expectCode } from '../expect-code.js';
import { episode, NS } from '../fixtures.js';
import type { Harness } from '../harness.js';

export function adminCases(harness: Harness): void {
  describe('metadata, health and close', () => {
    it('stores store-wide metadata values', async () => {
      const storage = harness.storage();
      expect(await storage.getMeta('embedding.provider')).toBeNull();
      await storage.setMeta('embedding.provider', 'local-hash-v1');
      await storage.setMeta('embedding.dimensions', '384');
      await storage.setMeta('embedding.provider', 'openai-compatible:model');
      expect(await storage.getMeta('embedding.provider')).toBe('openai-compatible:model');
      expect(await storage.getMeta('embedding.dimensions')).toBe('384');
    });

    it('reports health from a real round trip', async () => {
      const health = await harness.storage().healthCheck();
      expect(health.ok).toBe(true);
      expect(health.error).toBeUndefined();
      expect(typeof health.latencyMs).toBe('number');
      expect(health.latencyMs).toBeGreaterThanOrEqual(0);
    });

    it('names its kind', () => {
      expect(harness.storage().kind).toMatch(/\S/);
    });

    it('refuses calls after close with UNAVAILABLE; closing twice is fine', async () => {
      const storage = harness.storage();
      await storage.insertEpisode(episode());
      await storage.close();
      await storage.close();
      await expectCode(storage.getEpisode(NS, episode().id), 'UNAVAILABLE');
      await expectCode(storage.insertEpisode(episode()), 'UNAVAILABLE');
    });
  });
}
