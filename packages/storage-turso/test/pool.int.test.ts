import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from '@libsql/client';
import { describe, expect, it } from 'vitest';
import { episode, NS } from './support/fixtures.js';
import { useTempStorage } from './support/temp-storage.js';

const temp = useTempStorage();

/** Makes every statement take a few milliseconds, as a round trip to a remote database would. */
function withLatency(milliseconds: number): (client: Client) => Client {
  return (client) =>
    new Proxy(client, {
      get(target, property) {
        if (property === 'execute') {
          return async (...args: Parameters<Client['execute']>) => {
            await sleep(milliseconds);
            return target.execute(...args);
          };
        }
        const value = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
}

describe('request pool', () => {
  it('bounds 100 concurrent requests to maxConnections and measures the queue', async () => {
    const storage = await temp.open(
      temp.directory().databaseUrl(),
      { pool: { maxConnections: 4 } },
      { wrapClient: withLatency(3) },
    );
    const stored = episode();
    await storage.insertEpisode(stored);
    const before = storage.poolStatistics();
    let sawQueue = false;
    const reads = Array.from({ length: 100 }, async () => {
      const read = await storage.getEpisode(NS, stored.id);
      if (storage.poolStatistics().waiting > 0) sawQueue = true;
      return read?.id;
    });
    expect(await Promise.all(reads)).toEqual(Array.from({ length: 100 }, () => stored.id));
    const after = storage.poolStatistics();
    expect(sawQueue).toBe(true);
    expect(after.peakActive).toBe(4);
    expect(after.checkouts - before.checkouts).toBe(100);
    expect(after).toMatchObject({ maxConnections: 4, bounded: true, active: 0, idle: 4, waiting: 0 });
    // Most requests queued behind 24 rounds of 3 ms: the p95 wait is tens of milliseconds.
    expect(after.checkoutWaitP95Ms).toBeGreaterThan(20);
  });

  it('fails requests that wait past connectionTimeoutMs with UNAVAILABLE, and recovers', async () => {
    const storage = await temp.open(
      temp.directory().databaseUrl(),
      { pool: { maxConnections: 1, connectionTimeoutMs: 15 } },
      { wrapClient: withLatency(10) },
    );
    const stored = episode();
    await storage.insertEpisode(stored);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => storage.getEpisode(NS, stored.id)),
    );
    const codes = results.map((result) => (result.status === 'fulfilled' ? 'ok' : result.reason.code));
    expect(codes).toContain('ok');
    expect(codes).toContain('UNAVAILABLE');
    expect(storage.poolStatistics().checkoutTimeouts).toBe(
      codes.filter((code) => code === 'UNAVAILABLE').length,
    );
    expect((await storage.getEpisode(NS, stored.id))?.id).toBe(stored.id);
  });

  it('reports health from SELECT 1 within the timeout, counted in the statistics', async () => {
    const storage = await temp.open(temp.directory().databaseUrl(), { pool: { healthCheckTimeoutMs: 50 } });
    expect(await storage.healthCheck()).toMatchObject({ ok: true });
    const slow = await temp.open(
      temp.directory().databaseUrl(),
      { pool: { healthCheckTimeoutMs: 20 } },
      { wrapClient: withLatency(100) },
    );
    const health = await slow.healthCheck();
    expect(health.ok).toBe(false);
    expect(health.error).toMatch(/20 ms/);
    expect(slow.poolStatistics().healthChecks).toEqual({ run: 1, failed: 1 });
  });
});
