import { createClient } from '@libsql/client';
import { describe, expect, it } from 'vitest';
import { episode, NS, step } from './support/fixtures.js';
import { useTempStorage } from './support/temp-storage.js';

const temp = useTempStorage();

describe('group commit', () => {
  it('puts writes that arrive together into a few transactions, each acknowledged once committed', async () => {
    const url = temp.directory().databaseUrl();
    const storage = await temp.open(url);
    const episodes = Array.from({ length: 64 }, () => episode());
    await Promise.all(episodes.map((record) => storage.insertEpisode(record)));
    const before = storage.writeStatistics();
    expect(before.writes).toBe(64);
    expect(before.transactions).toBeLessThan(8);

    // An independent connection: what it sees is what is committed in the file, nothing buffered in process.
    const observer = createClient({ url });
    try {
      const seenAtAcknowledgement = await Promise.all(
        episodes.map(async (record, index) => {
          await storage.appendSteps(NS, record.id, [step(1), step(2, { action: `writer ${index}` })]);
          const committed = await observer.execute({
            sql: 'SELECT count(*) AS n FROM steps s JOIN episodes e ON e.seq = s.episode_seq WHERE e.id = ?',
            args: [record.id],
          });
          return Number(committed.rows[0]!['n']);
        }),
      );
      expect(seenAtAcknowledgement).toEqual(episodes.map(() => 2));
    } finally {
      observer.close();
    }
    const after = storage.writeStatistics();
    expect(after.writes - before.writes).toBe(64);
    // 64 concurrent writers share transactions: far fewer commits than writes.
    expect(after.transactions - before.transactions).toBeLessThan(16);
    expect(after.largestBatch).toBeGreaterThan(8);
    expect(after.queued).toBe(0);
  });

  it('fails only the write that failed: the others in its transaction commit', async () => {
    const storage = await temp.open(temp.directory().databaseUrl());
    const open = episode();
    const completed = { ...episode(), endedAt: '2025-03-01T13:00:00.000Z' };
    await storage.insertEpisode(open);
    await storage.insertEpisode(completed);
    const before = storage.writeStatistics();
    const results = await Promise.allSettled([
      storage.appendSteps(NS, open.id, [step(1)]),
      storage.appendSteps(NS, completed.id, [step(1)]),
      storage.appendSteps(NS, open.id, [step(2)]),
      storage.insertEpisode(open),
      storage.appendSteps(NS, open.id, [step(3)]),
    ]);
    expect(results.map((result) => result.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(results.map((result) => (result.status === 'rejected' ? result.reason.code : 'ok'))).toEqual([
      'ok',
      'CONFLICT',
      'ok',
      'CONFLICT',
      'ok',
    ]);
    expect((await storage.getEpisode(NS, open.id))?.steps.map((stored) => stored.stepNumber)).toEqual([
      1, 2, 3,
    ]);
    expect((await storage.getEpisode(NS, completed.id))?.steps).toEqual([]);
    const after = storage.writeStatistics();
    expect(after.transactions - before.transactions).toBe(1);
    expect(after.failedWrites - before.failedWrites).toBe(2);
  });

  it('bounds a transaction by the configured number of writes', async () => {
    const storage = await temp.open(temp.directory().databaseUrl(), { groupCommit: { maxWrites: 4 } });
    await Promise.all(Array.from({ length: 20 }, () => storage.insertEpisode(episode())));
    const statistics = storage.writeStatistics();
    expect(statistics.writes).toBe(20);
    expect(statistics.largestBatch).toBeLessThanOrEqual(4);
    expect(statistics.transactions).toBeGreaterThanOrEqual(5);
  });

  it('drains queued writes before close resolves, then refuses new ones', async () => {
    const url = temp.directory().databaseUrl();
    const storage = await temp.open(url);
    const records = Array.from({ length: 30 }, () => episode());
    const writes = records.map((record) => storage.insertEpisode(record));
    await storage.close();
    await Promise.all(writes);
    await expect(storage.insertEpisode(episode())).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    const reopened = await temp.open(url);
    expect((await reopened.stats(NS)).episodes.total).toBe(30);
  });
});
