import {
  type ExportRecord,
  ExportRecordSchema,
  type RecommendationSession,
  type Relationship,
  uuidv7,
} from '@slm/memory-core';
import { describe, expect, it } from 'vitest';
import type { TursoStorage } from '../src/index.js';
import { at, episode, heuristicContribution, NS, patternContribution, step } from './support/fixtures.js';
import { useTempStorage } from './support/temp-storage.js';

const temp = useTempStorage();

async function collect(records: AsyncIterable<ExportRecord>): Promise<ExportRecord[]> {
  const all: ExportRecord[] = [];
  for await (const record of records) all.push(record);
  return all;
}

async function inChunks<T>(items: readonly T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let start = 0; start < items.length; start += size) await write(items.slice(start, start + size));
}

/** 10,000 records of every type, written through the port, in two namespaces. */
async function populate(storage: TursoStorage): Promise<void> {
  const episodes = Array.from({ length: 6_000 }, (_, index) => {
    const open = episode({
      namespace: index % 10 === 0 ? 'other' : NS,
      startedAt: at(index),
      taskDescription: `Task ${index}: reconcile invoices for account ${index % 97}`,
      steps: [step(1), step(2, { result: { type: 'error', message: `boom ${index}` } }), step(3)],
      labels: index % 3 === 0 ? ['billing'] : [],
      metadata: { index: String(index) },
    });
    if (index % 2 === 1) return open;
    return {
      ...open,
      endedAt: at(index + 1),
      outcome: { type: 'success' as const, verdict: 'done', artifacts: [] },
      reward: {
        total: 0.5 + (index % 10) / 10,
        base: 1,
        efficiency: 1,
        complexityBonus: 1,
        qualityMultiplier: 1,
        learningBonus: 0,
        abstention: 0,
      },
    };
  });
  await inChunks(episodes, 500, (chunk) => Promise.all(chunk.map((record) => storage.insertEpisode(record))));
  const mine = episodes.filter((record) => record.namespace === NS);
  const patterns = Array.from({ length: 2_000 }, (_, index) =>
    patternContribution({ similarityKey: `key-${index}`, episodeId: mine[index % mine.length]!.id }),
  );
  await inChunks(patterns, 100, (chunk) => storage.upsertPatterns(chunk));
  const heuristics = Array.from({ length: 1_000 }, (_, index) =>
    heuristicContribution({ key: `rule-${index}` }),
  );
  await inChunks(heuristics, 100, (chunk) => storage.upsertHeuristics(chunk));
  const relationships: Relationship[] = Array.from({ length: 500 }, (_, index) => ({
    id: uuidv7(),
    namespace: NS,
    fromEpisodeId: mine[index]!.id,
    toEpisodeId: mine[index + 1]!.id,
    type: index % 2 === 0 ? 'depends_on' : 'related_to',
    reason: 'follows on',
    priority: 5,
    createdBy: 'test',
    createdAt: at(index),
  }));
  await Promise.all(relationships.map((relationship) => storage.addRelationship(relationship)));
  const sessions: RecommendationSession[] = Array.from({ length: 300 }, (_, index) => ({
    id: uuidv7(),
    namespace: NS,
    episodeId: mine[index]!.id,
    query: `query ${index}`,
    patternIds: [],
    playbookIds: [],
    episodeIds: [],
    createdAt: at(index),
  }));
  await Promise.all(sessions.map((session) => storage.insertRecommendationSession(session)));
  await Promise.all(
    sessions.slice(0, 200).map((session, index) =>
      storage.insertRecommendationFeedback(
        {
          id: uuidv7(),
          namespace: NS,
          sessionId: session.id,
          appliedPatternIds: [],
          appliedPlaybookIds: [],
          consultedEpisodeIds: [],
          outcome: { type: 'success', verdict: '', artifacts: [] },
          rating: (index % 5) / 4,
          createdAt: at(index + 1),
        },
        [],
      ),
    ),
  );
}

describe('export and import', () => {
  it('round-trips 10,000 records: export → import into an empty database → export gives the same records', async () => {
    const source = await temp.open(temp.directory().databaseUrl());
    await populate(source);
    const counts = await source.countRecords({ namespace: null });
    expect(counts).toEqual({
      episode: 6_000,
      pattern: 2_000,
      heuristic: 1_000,
      relationship: 500,
      recommendation_session: 300,
      recommendation_feedback: 200,
    });
    const exported = await collect(source.exportRecords({ namespace: null }));
    expect(exported).toHaveLength(10_000);
    // Every line an export writes passes the import's validation.
    for (const record of exported) ExportRecordSchema.parse(record);

    const target = await temp.open(temp.directory().databaseUrl());
    await inChunks(exported, 500, (chunk) => target.importRecords(chunk));
    expect(await collect(target.exportRecords({ namespace: null }))).toEqual(exported);
    expect(await target.stats(NS)).toEqual(await source.stats(NS));

    // Importing the same records again changes nothing.
    await inChunks(exported, 1_000, (chunk) => target.importRecords(chunk));
    expect(await collect(target.exportRecords({ namespace: null }))).toEqual(exported);
    expect(await target.countRecords({ namespace: null })).toEqual(counts);
  }, 120_000);

  it('filters by namespace and since, streaming in a stable order', async () => {
    const storage = await temp.open(temp.directory().databaseUrl());
    const records = Array.from({ length: 250 }, (_, index) =>
      episode({ namespace: index % 2 === 0 ? NS : 'other', startedAt: at(index) }),
    );
    await Promise.all(records.map((record) => storage.insertEpisode(record)));
    const mine = await collect(storage.exportRecords({ namespace: NS }));
    expect(mine.map((record) => record.record.id)).toEqual(
      records
        .filter((record) => record.namespace === NS)
        .map((record) => record.id)
        .sort(),
    );
    const recent = await storage.countRecords({ namespace: null, since: at(200) });
    expect(recent.episode).toBe(50);
  });

  it('imports nothing of a batch that fails, and says which record failed', async () => {
    const storage = await temp.open(temp.directory().databaseUrl());
    const stored = episode();
    const feedback: ExportRecord = {
      type: 'recommendation_feedback',
      record: {
        id: uuidv7(),
        namespace: NS,
        sessionId: uuidv7(),
        appliedPatternIds: [],
        appliedPlaybookIds: [],
        consultedEpisodeIds: [],
        outcome: { type: 'success', verdict: '', artifacts: [] },
        createdAt: at(1),
      },
    };
    await expect(
      storage.importRecords([{ type: 'episode', record: stored }, feedback]),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await storage.getEpisode(NS, stored.id)).toBeNull();
    const clash = { ...stored, id: uuidv7() };
    await storage.importRecords([{ type: 'episode', record: stored }]);
    await expect(
      storage.importRecords([
        { type: 'episode', record: clash },
        { type: 'episode', record: { ...stored, namespace: 'other' } },
      ]),
    ).rejects.toMatchObject({ code: 'CONFLICT', details: { line: 1, type: 'episode', id: stored.id } });
    expect(await storage.getEpisode(NS, clash.id)).toBeNull();
  });
});
