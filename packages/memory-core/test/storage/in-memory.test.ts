import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/domain/ids.js';
import { createInMemoryStorage } from '../../src/testing.js';
import { searchTerms } from '../../src/text/terms.js';
import { episodeRecord as episode } from '../support/episode-record.js';
import { rejectsWithCode } from '../support/memory.js';

describe('createInMemoryStorage', () => {
  it('is the `memory` kind', () => {
    expect(createInMemoryStorage().kind).toBe('memory');
  });

  it('takes its vector dimension from the first vector when none is configured', async () => {
    const storage = createInMemoryStorage();
    const [first, second] = [episode(), episode()];
    await storage.insertEpisode(first);
    await storage.insertEpisode(second);
    await storage.saveEmbedding('default', 'episode', first.id, new Float32Array([1, 0, 0]));
    await rejectsWithCode(
      storage.saveEmbedding('default', 'episode', second.id, new Float32Array([1, 0])),
      'VALIDATION_FAILED',
    );
    await rejectsWithCode(
      storage.saveEmbedding('default', 'episode', second.id, new Float32Array([Number.NaN, 0, 0])),
      'VALIDATION_FAILED',
    );
    const returned = (await storage.getEmbeddings('default', 'episode', [first.id])).get(first.id)!;
    returned[0] = 42;
    expect((await storage.getEmbeddings('default', 'episode', [first.id])).get(first.id)).toEqual(
      new Float32Array([1, 0, 0]),
    );
  });

  it('refuses a vector that does not match the configured dimension', async () => {
    const storage = createInMemoryStorage({ embeddingDimensions: 4 });
    const stored = episode();
    await storage.insertEpisode(stored);
    await rejectsWithCode(
      storage.saveEmbedding('default', 'episode', stored.id, new Float32Array(3)),
      'VALIDATION_FAILED',
    );
  });

  it('refuses more than 500 ids in one batch read', async () => {
    const storage = createInMemoryStorage();
    const ids = Array.from({ length: 501 }, () => uuidv7());
    await rejectsWithCode(storage.getEpisodes('default', ids), 'VALIDATION_FAILED');
    expect(await storage.getEpisodes('default', ids.slice(0, 500))).toEqual([]);
  });

  it('indexes text lazily yet answers every query with the latest writes', async () => {
    const storage = createInMemoryStorage();
    const stored = episode({ steps: [] });
    await storage.insertEpisode(stored);
    const search = async (text: string) =>
      (await storage.searchEpisodesByText('default', searchTerms(text), { completedOnly: false }, 5)).map(
        (hit) => hit.id,
      );
    expect(await search('ledger')).toEqual([stored.id]);
    for (let number = 1; number <= 3; number++) {
      await storage.appendSteps('default', stored.id, [
        {
          stepNumber: number,
          at: '2025-01-01T00:00:00.000Z',
          tool: `tool${number}`,
          action: `audit batch${number}`,
          parameters: {},
          latencyMs: 0,
          metadata: {},
        },
      ]);
      expect(await search(`batch${number}`)).toEqual([stored.id]);
    }
    const page = await storage.listEpisodes('default', { textTerms: searchTerms('audit tool3') });
    expect(page.items.map((item) => item.id)).toEqual([stored.id]);
    const other = episode({ taskDescription: 'audit once' });
    await storage.insertEpisode(other);
    expect(new Set(await search('audit'))).toEqual(new Set([stored.id, other.id]));
    await storage.deleteEpisode('default', stored.id);
    expect(await search('audit')).toEqual([other.id]);
  });

  it('releases its data on close and refuses further calls', async () => {
    const storage = createInMemoryStorage();
    await storage.insertEpisode(episode());
    await storage.close();
    await rejectsWithCode(storage.stats('default'), 'UNAVAILABLE');
    await rejectsWithCode(storage.healthCheck(), 'UNAVAILABLE');
    const iterator = storage.exportRecords({ namespace: null })[Symbol.asyncIterator]();
    await rejectsWithCode(iterator.next(), 'UNAVAILABLE');
  });
});
