import type { StorageBackend } from '@slm/memory-core';
import { describe, expect, it } from 'vitest';
import { expectCode } from '../expect-code.js';
import { at, episode, NS, newId, OTHER_NS, relationship } from '../fixtures.js';
import type { Harness } from '../harness.js';

async function episodes(storage: StorageBackend, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const record = episode();
    await storage.insertEpisode(record);
    ids.push(record.id);
  }
  return ids;
}

export function relationshipCases(harness: Harness): void {
  describe('relationships', () => {
    it('adds relationships and lists them by direction and type, oldest first', async () => {
      const storage = harness.storage();
      const [a, b, c] = (await episodes(storage, 3)) as [string, string, string];
      const ab = relationship(a, b, 'depends_on', { createdAt: at(3) });
      const ca = relationship(c, a, 'related_to', { createdAt: at(1) });
      const ac = relationship(a, c, 'blocks', { createdAt: at(2) });
      for (const link of [ab, ca, ac]) expect(await storage.addRelationship(link)).toEqual(link);
      const list = async (query?: Parameters<typeof storage.listRelationships>[2]) =>
        (await storage.listRelationships(NS, a, query)).map((link) => link.id);
      expect(await list()).toEqual([ca.id, ac.id, ab.id]);
      expect(await list({ direction: 'outgoing' })).toEqual([ac.id, ab.id]);
      expect(await list({ direction: 'incoming' })).toEqual([ca.id]);
      expect(await list({ types: ['depends_on', 'related_to'] })).toEqual([ca.id, ab.id]);
      expect(await storage.listRelationships(NS, b)).toEqual([ab]);
      expect(await storage.listRelationships(OTHER_NS, a)).toEqual([]);
    });

    it('refuses self-links (VALIDATION_FAILED) and unknown or foreign episodes (NOT_FOUND)', async () => {
      const storage = harness.storage();
      const [a] = (await episodes(storage, 1)) as [string];
      const foreign = episode({ namespace: OTHER_NS });
      await storage.insertEpisode(foreign);
      await expectCode(storage.addRelationship(relationship(a, a)), 'VALIDATION_FAILED');
      await expectCode(storage.addRelationship(relationship(a, newId())), 'NOT_FOUND');
      await expectCode(storage.addRelationship(relationship(newId(), a)), 'NOT_FOUND');
      await expectCode(storage.addRelationship(relationship(a, foreign.id)), 'NOT_FOUND');
      expect(await storage.listRelationships(NS, a)).toEqual([]);
    });

    it('refuses a duplicate (same from, to and type) with CONFLICT but allows other types and directions', async () => {
      const storage = harness.storage();
      const [a, b] = (await episodes(storage, 2)) as [string, string];
      await storage.addRelationship(relationship(a, b, 'references'));
      await expectCode(storage.addRelationship(relationship(a, b, 'references')), 'CONFLICT');
      await storage.addRelationship(relationship(a, b, 'follows'));
      await storage.addRelationship(relationship(b, a, 'references'));
      expect(await storage.listRelationships(NS, a)).toHaveLength(3);
    });

    it('refuses an edge that closes a cycle of an acyclic type with CONFLICT', async () => {
      const storage = harness.storage();
      const [a, b, c, d] = (await episodes(storage, 4)) as [string, string, string, string];
      await storage.addRelationship(relationship(a, b, 'depends_on'));
      await storage.addRelationship(relationship(b, c, 'depends_on'));
      await storage.addRelationship(relationship(c, d, 'depends_on'));
      await expectCode(storage.addRelationship(relationship(d, a, 'depends_on')), 'CONFLICT');
      await expectCode(storage.addRelationship(relationship(c, a, 'depends_on')), 'CONFLICT');
      await expectCode(storage.addRelationship(relationship(b, a, 'depends_on')), 'CONFLICT');
      // A cycle across types, or of a type that may cycle, is fine; so is a diamond.
      await storage.addRelationship(relationship(d, a, 'blocks'));
      await storage.addRelationship(relationship(d, a, 'related_to'));
      await storage.addRelationship(relationship(a, c, 'depends_on'));
      await storage.addRelationship(relationship(a, b, 'parent_child'));
      await expectCode(storage.addRelationship(relationship(b, a, 'parent_child')), 'CONFLICT');
      await expectCode(storage.addRelationship(relationship(a, d, 'blocks')), 'CONFLICT');
      await storage.addRelationship(relationship(b, c, 'blocks'));
      await expectCode(storage.addRelationship(relationship(b, c, 'blocks')), 'CONFLICT');
      const dependsOn = (await storage.listRelationships(NS, a, { types: ['depends_on'] })).map((link) => [
        link.fromEpisodeId,
        link.toEpisodeId,
      ]);
      expect(dependsOn).toHaveLength(2);
      expect(dependsOn).not.toContainEqual([d, a]);
    });

    it('removes a relationship once, only in its namespace', async () => {
      const storage = harness.storage();
      const [a, b] = (await episodes(storage, 2)) as [string, string];
      const link = await storage.addRelationship(relationship(a, b, 'depends_on'));
      expect(await storage.removeRelationship(OTHER_NS, link.id)).toBe(false);
      expect(await storage.removeRelationship(NS, link.id)).toBe(true);
      expect(await storage.removeRelationship(NS, link.id)).toBe(false);
      expect(await storage.listRelationships(NS, a)).toEqual([]);
      // With the edge gone the reverse edge no longer closes a cycle.
      await storage.addRelationship(relationship(b, a, 'depends_on'));
    });

    it('of concurrent edges that would close a cycle together, at most one lands', async () => {
      const storage = harness.storage();
      const [a, b] = (await episodes(storage, 2)) as [string, string];
      const results = await Promise.allSettled([
        storage.addRelationship(relationship(a, b, 'depends_on')),
        storage.addRelationship(relationship(b, a, 'depends_on')),
      ]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      expect(await storage.listRelationships(NS, a)).toHaveLength(1);
    });
  });
}
