import { describe, expect, it } from 'vitest';
import type { Episode } from '../../src/domain/episode.js';
import { uuidv7 } from '../../src/domain/ids.js';
import type { CandidateFilter } from '../../src/storage/filters.js';
import { createInMemoryStorage } from '../../src/testing.js';
import { searchTerms } from '../../src/text/terms.js';
import { episodeRecord } from '../support/episode-record.js';

/**
 * The in-memory search indexes partition episodes by domain, completed and archived. Every way an episode
 * changes partition must move it in both the vector and the text index.
 */
describe('in-memory episode partitions', () => {
  const storage = createInMemoryStorage();
  const id = uuidv7();
  const query = new Float32Array([1, 0, 0]);

  async function stored(): Promise<Episode> {
    return (await storage.getEpisode('default', id))!;
  }

  /** Where the episode is found: by text and by vector, for each filter. */
  async function foundBy(filter: CandidateFilter): Promise<[string[], string[]]> {
    const text = await storage.searchEpisodesByText('default', searchTerms('ledger'), filter, 10);
    const vector = await storage.searchEpisodesByVector('default', query, filter, 10);
    return [text.map((hit) => hit.id), vector.map((hit) => hit.id)];
  }

  const found: [string[], string[]] = [[id], [id]];
  const missing: [string[], string[]] = [[], []];

  it('starts open: found only when open episodes are admitted', async () => {
    await storage.insertEpisode(episodeRecord({ id }));
    await storage.saveEmbedding('default', 'episode', id, query);
    expect(await foundBy({})).toEqual(missing);
    expect(await foundBy({ completedOnly: false, domains: ['finance'] })).toEqual(found);
  });

  it('moves to the completed partition when completed', async () => {
    const episode = await stored();
    await storage.completeEpisode(
      {
        ...episode,
        endedAt: '2025-01-01T00:01:00.000Z',
        outcome: { type: 'success', verdict: 'done', artifacts: [] },
      },
      episode.version,
    );
    expect(await foundBy({ domains: ['finance'] })).toEqual(found);
    expect(await foundBy({ domains: ['ops'] })).toEqual(missing);
  });

  it('leaves the candidates when archived and returns when restored', async () => {
    const episode = await stored();
    const archived = await storage.updateEpisode(
      { ...episode, archivedAt: '2025-01-02T00:00:00.000Z' },
      episode.version,
    );
    expect(await foundBy({})).toEqual(missing);
    expect(await foundBy({ includeArchived: true })).toEqual(found);
    const { archivedAt: _archivedAt, ...restored } = archived;
    await storage.updateEpisode(restored, archived.version);
    expect(await foundBy({})).toEqual(found);
  });

  it('follows a change of domain', async () => {
    const episode = await stored();
    await storage.updateEpisode(
      { ...episode, context: { ...episode.context, domain: 'ops' } },
      episode.version,
    );
    expect(await foundBy({ domains: ['finance'] })).toEqual(missing);
    expect(await foundBy({ domains: ['ops'] })).toEqual(found);
  });

  it('follows a re-import that changes domain and archives, keeping the vector', async () => {
    const episode = await stored();
    await storage.importRecords([
      {
        type: 'episode',
        record: {
          ...episode,
          context: { ...episode.context, domain: 'finance' },
          archivedAt: '2025-01-03T00:00:00.000Z',
        },
      },
    ]);
    expect(await foundBy({ includeArchived: true, domains: ['ops'] })).toEqual(missing);
    expect(await foundBy({ domains: ['finance'] })).toEqual(missing);
    expect(await foundBy({ includeArchived: true, domains: ['finance'] })).toEqual(found);
  });

  it('is found nowhere once deleted', async () => {
    await storage.deleteEpisode('default', id);
    expect(await foundBy({ includeArchived: true, completedOnly: false })).toEqual(missing);
    expect((await storage.getEmbeddings('default', 'episode', [id])).size).toBe(0);
  });
});
