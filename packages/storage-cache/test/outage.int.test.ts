import type { Logger } from '@slm/memory-core';
import { freePort, type RedisServerHandle, startRedisServer } from '@slm/vitest-config/redis-global-setup';
import { afterEach, describe, expect, it } from 'vitest';
import { useDurableStorage } from './support/durable.js';
import { episode, NS, step } from './support/fixtures.js';
import { connectTestClient, redisUrl, uniquePrefix } from './support/redis.js';

const durableStorage = useDurableStorage();
const servers: RedisServerHandle[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
});

function recordingLogger() {
  const lines: { level: string; message: string }[] = [];
  const record = (level: string) => (_fields: Record<string, unknown>, message: string) => {
    lines.push({ level, message });
  };
  const logger: Logger = {
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
  return { logger, lines };
}

async function until(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('Redis killed mid-run', () => {
  it('keeps every operation working, reports degraded, and recovers when Redis returns', async () => {
    const port = await freePort();
    let server = await startRedisServer(port);
    servers.push(server);
    const { logger, lines } = recordingLogger();
    const durable = await durableStorage.open();
    const cache = durableStorage.cache(durable, {
      redis: server.url,
      keyPrefix: uniquePrefix(),
      retryIntervalMs: 100,
      logger,
    });
    const episodes = Array.from({ length: 5 }, (_, index) => episode(index));
    for (const created of episodes) await cache.insertEpisode(created);
    for (const created of episodes) await cache.getEpisode(NS, created.id);
    for (const created of episodes) await cache.getEpisode(NS, created.id);
    expect(await cache.cacheStatistics()).toMatchObject({ hits: 5, misses: 5, errors: 0, items: 5 });

    server.process.kill('SIGKILL');
    await new Promise((resolve) => server.process.once('exit', resolve));
    servers.splice(servers.indexOf(server), 1);

    // Every read and write still succeeds, served by the durable store.
    for (const [index, created] of episodes.entries()) {
      await cache.appendSteps(NS, created.id, [step(1)]);
      expect((await cache.getEpisode(NS, created.id))?.steps).toHaveLength(1);
      expect(await cache.getEpisodes(NS, [created.id])).toHaveLength(1);
      if (index === 0) expect(await cache.deleteEpisode(NS, created.id)).toBe(true);
    }
    const health = await cache.cacheHealth();
    expect(health).toMatchObject({ ok: false, state: 'degraded' });
    expect(health.error).toBeTruthy();
    const during = await cache.cacheStatistics();
    expect(during.errors).toBeGreaterThan(0);
    expect(lines.filter((line) => line.level === 'warn')).toHaveLength(1); // once per interval, not per error

    server = await startRedisServer(port);
    servers.push(server);
    await until(async () => (await cache.cacheHealth()).state === 'ok');
    expect(lines.some((line) => line.message === 'cache recovered')).toBe(true);

    // The cache fills again: a miss, then hits; and nothing deleted or changed during the outage is stale.
    expect(await cache.getEpisode(NS, episodes[0]!.id)).toBeNull();
    const survivor = episodes[1]!.id;
    const before = await cache.cacheStatistics();
    expect((await cache.getEpisode(NS, survivor))?.steps).toHaveLength(1);
    expect((await cache.getEpisode(NS, survivor))?.steps).toHaveLength(1);
    const after = await cache.cacheStatistics();
    expect(after.hits - before.hits).toBe(1);
    expect(after.misses - before.misses).toBe(1);
    expect(after.items).toBe(1);
  });

  it('never serves an entry whose invalidation timed out', async () => {
    const admin = await connectTestClient();
    const durable = await durableStorage.open();
    const cache = durableStorage.cache(durable, {
      redis: redisUrl(),
      keyPrefix: uniquePrefix(),
      retryIntervalMs: 100,
    });
    const created = episode(9);
    await cache.insertEpisode(created);
    await cache.getEpisode(NS, created.id);
    expect((await cache.cacheStatistics()).items).toBe(1);

    // Redis stops answering this client for a while: the write's invalidation times out.
    await admin.sendCommand(['CLIENT', 'PAUSE', '400', 'ALL']);
    await cache.appendSteps(NS, created.id, [step(1)]);
    expect((await cache.cacheHealth()).state).toBe('degraded');
    expect((await cache.getEpisode(NS, created.id))?.steps).toHaveLength(1);

    await until(async () => (await cache.cacheHealth()).state === 'ok');
    expect((await cache.getEpisode(NS, created.id))?.steps).toHaveLength(1);
    expect((await cache.getEpisode(NS, created.id))?.steps).toHaveLength(1);
    expect((await cache.cacheStatistics()).errors).toBeGreaterThan(0);
  });
});
