import { type CandidateFilter, type PatternFilter, type ScoredId, searchTerms } from '@slm/memory-core';
import { expect } from 'vitest';
import type { CachedStorageBackend } from '../../src/index.js';
import {
  at,
  axis,
  completed,
  completedEpisode,
  DIMENSIONS,
  episode,
  NS,
  newId,
  patternContribution,
  step,
} from './fixtures.js';

type Search = (storage: CachedStorageBackend) => Promise<ScoredId[]>;

const ids = (hits: readonly ScoredId[]) => hits.map((hit) => hit.id);
const text =
  (query: string, filter: CandidateFilter = {}): Search =>
  (storage) =>
    storage.searchEpisodesByText(NS, searchTerms(query), filter, 10);
const patternText =
  (filter: PatternFilter = {}): Search =>
  (storage) =>
    storage.searchPatternsByText(NS, searchTerms('invoice'), filter, 10);
const episodeVector: Search = (storage) => storage.searchEpisodesByVector(NS, axis(DIMENSIONS, 0), {}, 10);
const patternVector: Search = (storage) => storage.searchPatternsByVector(NS, axis(DIMENSIONS, 1), {}, 10);

/**
 * Every kind of write that bumps the search generation, each between a search the reader has cached (asserted
 * by its hit counter) and the same search again, which must show the write. `writer` and `reader` may be the
 * same instance or two sharing Redis. Ends with a write that must not bump (the entry stays a hit).
 */
export async function expectEveryBumpingWriteSeen(
  writer: CachedStorageBackend,
  reader: CachedStorageBackend,
): Promise<void> {
  async function around(search: Search, write: () => Promise<unknown>) {
    await search(reader);
    const hitsBefore = (await reader.searchCacheStatistics()).hits;
    const cached = ids(await search(reader));
    expect((await reader.searchCacheStatistics()).hits).toBe(hitsBefore + 1);
    await write();
    return { cached, after: ids(await search(reader)) };
  }

  const first = completedEpisode(1, { taskDescription: 'rotate the credentials' });
  expect(await around(text('rotate'), () => writer.insertEpisode(first))).toEqual({
    cached: [],
    after: [first.id],
  });

  const open = episode(2, { taskDescription: 'migrate the schema' });
  await writer.insertEpisode(open);
  const vacuum = step(1, { tool: 'vacuum_db', action: 'Vacuum everything' });
  expect(
    await around(text('vacuum', { completedOnly: false }), () => writer.appendSteps(NS, open.id, [vacuum])),
  ).toEqual({ cached: [], after: [open.id] });

  const withStep = (await writer.getEpisode(NS, open.id))!;
  expect(
    await around(text('vacuum'), () => writer.completeEpisode(completed(withStep), withStep.version)),
  ).toEqual({ cached: [], after: [open.id] });

  const done = (await writer.getEpisode(NS, open.id))!;
  expect(
    await around(text('vacuum'), () => writer.updateEpisode({ ...done, archivedAt: at(90) }, done.version)),
  ).toEqual({ cached: [open.id], after: [] });

  expect(
    await around(episodeVector, () => writer.saveEmbedding(NS, 'episode', first.id, axis(DIMENSIONS, 0))),
  ).toEqual({ cached: [], after: [first.id] });

  expect(await around(episodeVector, () => writer.deleteEpisode(NS, first.id))).toEqual({
    cached: [first.id],
    after: [],
  });

  const imported = completedEpisode(3, { taskDescription: 'rotate the keys' });
  expect(
    await around(text('rotate'), () => writer.importRecords([{ type: 'episode', record: imported }])),
  ).toEqual({ cached: [], after: [imported.id] });

  const invoice = patternContribution({
    similarityKey: 'invoice',
    content: { type: 'tool_sequence', tools: ['fetch_invoice', 'send_email'] },
  });
  expect(await around(patternText(), () => writer.upsertPatterns([invoice]))).toEqual({
    cached: [],
    after: [invoice.newId],
  });
  // A merge from another episode raises occurrences to 2.
  const merge = { ...invoice, newId: newId(), episodeId: newId() };
  expect(await around(patternText({ minOccurrences: 2 }), () => writer.upsertPatterns([merge]))).toEqual({
    cached: [],
    after: [invoice.newId],
  });

  expect(
    await around(patternVector, () =>
      writer.saveEmbedding(NS, 'pattern', invoice.newId, axis(DIMENSIONS, 1)),
    ),
  ).toEqual({ cached: [], after: [invoice.newId] });

  // Usage counters change no search result: the entry stays.
  await patternText()(reader);
  const hitsBefore = (await reader.searchCacheStatistics()).hits;
  await writer.recordPatternUsage(NS, [{ patternId: invoice.newId, applied: 1, succeeded: 1, at: at(99) }]);
  expect(ids(await patternText()(reader))).toEqual([invoice.newId]);
  expect((await reader.searchCacheStatistics()).hits).toBe(hitsBefore + 1);
}
