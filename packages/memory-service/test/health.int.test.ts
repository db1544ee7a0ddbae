import { describe, expect, it } from 'vitest';
import { createEpisode } from './support/fixtures.js';
import { closedPort, useService } from './support/service-harness.js';

const services = useService();

interface Health {
  status: string;
  storage: { ok: boolean; latencyMs: number; kind: string; error?: string } | null;
  cache: { ok: boolean; latencyMs: number; state: string } | null;
  version: string;
  error?: string;
}

describe('health', () => {
  it('reports ok with measured probe latencies when the store answers', async () => {
    const service = await services.start();
    const health = await service.call<Health>('GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({
      status: 'ok',
      storage: { ok: true, kind: 'libsql-file' },
      cache: null,
      version: '0.1.0-test',
    });
    expect(health.body.storage?.latencyMs).toBeGreaterThanOrEqual(0);
    expect((await service.call('GET', '/health/ready')).status).toBe(200);
    const live = await service.call<{ status: string }>('GET', '/health/live');
    expect(live.status).toBe(200);
    expect(live.body.status).toBe('ok');
  });

  it('answers 503 down when the store is closed, while liveness stays 200', async () => {
    const service = await services.start();
    await service.durable.close();
    const health = await service.call<Health>('GET', '/health');
    expect(health.status).toBe(503);
    expect(health.body.status).toBe('down');
    expect((await service.call('GET', '/health/ready')).status).toBe(503);
    expect((await service.call('GET', '/health/live')).status).toBe(200);
    const write = await service.call('POST', '/v1/episodes', {
      json: { taskDescription: 'after the store closed' },
    });
    expect(write.status).toBe(503);
  });

  it('answers 503 down once the memory is closed', async () => {
    const service = await services.start();
    await service.memory.close();
    const health = await service.call<Health>('GET', '/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'down', storage: null, error: 'the memory is closed' });
  });

  it('reports degraded (200) when only the cache is down, and keeps serving from the store', async () => {
    const service = await services.start({ unreachableRedisPort: await closedPort() });
    const episode = await createEpisode(service);
    expect((await service.call('GET', `/v1/episodes/${episode.id}`)).status).toBe(200);
    const health = await service.call<Health>('GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({
      status: 'degraded',
      storage: { ok: true },
      cache: { ok: false, state: 'degraded' },
    });
    expect((await service.call('GET', '/health/ready')).status).toBe(200);
  });
});

describe('version', () => {
  it('names the package and schema versions', async () => {
    const service = await services.start();
    const version = await service.call('GET', '/version');
    expect(version.status).toBe(200);
    expect(version.body).toEqual({
      name: '@slm/memory-service',
      version: '0.1.0-test',
      schema: service.durable.schemaVersion,
    });
  });
});
