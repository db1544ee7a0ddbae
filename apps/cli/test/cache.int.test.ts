import type { Episode, Page } from '@slm/memory-core';
import { createTursoStorage } from '@slm/storage-turso';
import { describe, expect, it } from 'vitest';
import type { StatusReport } from '../src/status/status-report.js';
import { backupRecords, NAMESPACE, writeRecords } from './support/backup-records.js';
import { runCliJson } from './support/cli.js';
import { closedPort, redisUrl } from './support/redis.js';
import { useTempDirectories } from './support/temp-databases.js';

const directory = useTempDirectories();

/** Database 7 of the run's redis-server: no other test file writes there. */
const REDIS_DB = 7;

async function populated(): Promise<string> {
  const url = directory().databaseUrl();
  await writeRecords(
    url,
    backupRecords({ episodes: 30, patterns: 0, heuristics: 0, relationships: 0, sessions: 0, feedback: 0 }),
  );
  return url;
}

describe('cache commands against a real Redis', () => {
  it('regenerates, reports statistics, and reconciles stale and deleted entries with the store', async () => {
    const url = await populated();
    const redis = redisUrl(REDIS_DB);
    const args = ['--database-url', url, '--redis-url', redis, '--namespace', NAMESPACE];

    // Whatever an earlier run left in this namespace is dropped first.
    expect((await runCliJson(['cache', 'regenerate', '--warm', '0', ...args])).code).toBe(0);
    const regenerated = await runCliJson(['cache', 'regenerate', '--warm', '10', ...args]);
    expect(regenerated.code).toBe(0);
    expect(regenerated.json).toEqual({ namespace: NAMESPACE, dropped: 0, warmed: 10 });

    const stats = await runCliJson(['cache', 'stats', ...args]);
    expect(stats.code).toBe(0);
    expect(stats.json).toMatchObject({ backend: 'redis', items: 10, health: { ok: true, state: 'ok' } });
    expect(stats.json['bytes']).toBeGreaterThan(0);
    expect(stats.json).not.toHaveProperty('note');

    const again = await runCliJson(['cache', 'regenerate', '--warm', '5', ...args]);
    expect(again.json).toEqual({ namespace: NAMESPACE, dropped: 10, warmed: 5 });

    // Change one cached episode and delete another behind the cache's back (a writer without REDIS_URL).
    const newest = await runCliJson<Page<Episode>>(['episodes', 'list', '--limit', '5', ...args]);
    const [changed, deleted] = newest.json.items;
    const durable = await createTursoStorage({ url, embeddingDimensions: 384 });
    await durable.importRecords([
      { type: 'episode', record: { ...changed!, taskDescription: 'rewritten elsewhere' } },
    ]);
    await durable.deleteEpisode(NAMESPACE, deleted!.id);
    await durable.close();

    const synced = await runCliJson(['sync', ...args]);
    expect(synced.code).toBe(0);
    expect(synced.json).toEqual({ namespace: NAMESPACE, checked: 5, refreshed: 1, dropped: 1 });
    const cleanAgain = await runCliJson(['sync', '--all-namespaces', ...args]);
    expect(cleanAgain.json).toMatchObject({ namespace: null, refreshed: 0, dropped: 0 });
    expect(cleanAgain.json['checked']).toBeGreaterThanOrEqual(4);

    const status = await runCliJson<StatusReport>(['status', ...args]);
    expect(status.json).toMatchObject({
      status: 'ok',
      cache: { backend: 'redis' },
      health: { cache: { state: 'ok' } },
    });
  });

  it('fails (exit 1) when Redis is unreachable; status stays up as degraded', async () => {
    const url = await populated();
    const args = ['--database-url', url, '--redis-url', `redis://127.0.0.1:${await closedPort()}`];
    // Each command first waits up to 2 s for Redis: run them side by side.
    const [stats, regenerate, sync, status] = await Promise.all([
      runCliJson(['cache', 'stats', ...args]),
      runCliJson(['cache', 'regenerate', ...args]),
      runCliJson(['sync', ...args]),
      runCliJson<StatusReport>(['status', ...args]),
    ]);
    expect(stats.code).toBe(1);
    expect(stats.json).toMatchObject({ backend: 'redis', health: { ok: false, state: 'degraded' } });
    for (const run of [regenerate, sync]) {
      expect(run.code).toBe(1);
      expect(run.json).toMatchObject({ error: { code: 'CACHE_FAILED' } });
    }
    expect(status.code).toBe(0);
    expect(status.json).toMatchObject({
      status: 'degraded',
      health: { storage: { ok: true }, cache: { state: 'degraded' } },
    });
  });

  it('says so when there is no shared cache to work on (no REDIS_URL)', async () => {
    const url = await populated();
    const stats = await runCliJson(['cache', 'stats', '--database-url', url]);
    expect(stats.code).toBe(0);
    expect(stats.json).toMatchObject({
      backend: 'in-process',
      items: 0,
      note: expect.stringContaining('no REDIS_URL'),
    });
    const synced = await runCliJson(['sync', '--database-url', url]);
    expect(synced.json).toMatchObject({
      checked: 0,
      refreshed: 0,
      dropped: 0,
      note: expect.stringContaining('in-process'),
    });
  });
});
