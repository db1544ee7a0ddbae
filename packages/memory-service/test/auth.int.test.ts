import { createMemory, isMemoryError } from '@slm/memory-core';
import { createInMemoryStorage } from '@slm/memory-core/testing';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createService } from '../src/index.js';
import { createEpisode, EPISODE_INPUT, type ErrorBody } from './support/fixtures.js';
import { KEYS, testApiKeys } from './support/keys.js';
import { useService } from './support/service-harness.js';

const services = useService();

describe('authentication', () => {
  it('answers 401 without a key, with an unknown key and with a non-bearer header', async () => {
    const service = await services.start({ apiKeys: testApiKeys() });
    const missing = await service.call<ErrorBody>('GET', '/v1/episodes');
    expect(missing.status).toBe(401);
    expect(missing.body.error.code).toBe('UNAUTHORIZED');
    expect(missing.headers.get('www-authenticate')).toContain('Bearer');
    const unknown = await service.call<ErrorBody>('GET', '/v1/episodes', {
      key: 'not-a-configured-key-at-all',
    });
    expect(unknown.status).toBe(401);
    expect(unknown.text).not.toContain('not-a-configured-key-at-all');
    const basic = await service.call('GET', '/v1/episodes', {
      headers: { authorization: `Basic ${KEYS.beta}` },
    });
    expect(basic.status).toBe(401);
    const created = await service.call('POST', '/v1/episodes', { json: EPISODE_INPUT });
    expect(created.status).toBe(401);
    expect((await service.memory.withNamespace('alpha').stats()).episodes.total).toBe(0);
  });

  it("scopes every request to the key's namespace: another namespace's records are 404", async () => {
    const service = await services.start({ apiKeys: testApiKeys() });
    const alpha = await createEpisode(service, KEYS.alphaUser);
    expect(alpha.namespace).toBe('alpha');
    const asBeta = { key: KEYS.beta };
    expect((await service.call('GET', `/v1/episodes/${alpha.id}`, asBeta)).status).toBe(404);
    expect(
      (await service.call('PATCH', `/v1/episodes/${alpha.id}`, { ...asBeta, json: { labels: ['x1'] } }))
        .status,
    ).toBe(404);
    expect((await service.call('DELETE', `/v1/episodes/${alpha.id}`, asBeta)).status).toBe(404);
    expect(
      (
        await service.call('POST', `/v1/episodes/${alpha.id}/steps`, {
          ...asBeta,
          json: { stepNumber: 1, tool: 't', action: 'a' },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await service.call('POST', `/v1/episodes/${alpha.id}/complete`, {
          ...asBeta,
          json: { outcome: { type: 'success' } },
        })
      ).status,
    ).toBe(404);
    const betaList = await service.call<{ episodes: unknown[] }>('GET', '/v1/episodes', asBeta);
    expect(betaList.body.episodes).toEqual([]);
    const betaEpisode = await createEpisode(service, KEYS.beta);
    const link = await service.call('POST', '/v1/relationships', {
      key: KEYS.beta,
      json: { fromEpisodeId: betaEpisode.id, toEpisodeId: alpha.id, type: 'related_to' },
    });
    expect(link.status).toBe(404);

    // Both alpha keys see alpha's episode; the hashed gamma entry authenticates into its own namespace.
    expect((await service.call('GET', `/v1/episodes/${alpha.id}`, { key: KEYS.alphaAdmin })).status).toBe(
      200,
    );
    const gamma = await createEpisode(service, KEYS.gammaHashed);
    expect(gamma.namespace).toBe('gamma');
    expect((await service.call('GET', `/v1/episodes/${gamma.id}`, { key: KEYS.alphaUser })).status).toBe(404);
  });

  it('allows admin routes to admin keys only (403 otherwise)', async () => {
    const service = await services.start({ apiKeys: testApiKeys() });
    const adminCalls: Array<[string, string, unknown]> = [
      ['GET', '/v1/admin/export', undefined],
      ['POST', '/v1/admin/import', []],
      ['POST', '/v1/admin/sync', undefined],
      ['POST', '/v1/admin/cache/regenerate', {}],
    ];
    for (const [method, path, json] of adminCalls) {
      const refused = await service.call<ErrorBody>(method, path, { key: KEYS.alphaUser, json });
      expect(refused.status, `${method} ${path}`).toBe(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
      expect((await service.call(method, path, { json })).status, `${method} ${path} without key`).toBe(401);
      expect(
        (await service.call(method, path, { key: KEYS.alphaAdmin, json })).status,
        `${method} ${path} as admin`,
      ).toBe(200);
    }
  });

  it('serves health, metrics, version, the OpenAPI document and the docs without a key', async () => {
    const service = await services.start({ apiKeys: testApiKeys() });
    for (const path of [
      '/health/live',
      '/health/ready',
      '/health',
      '/metrics',
      '/version',
      '/openapi.json',
      '/docs',
    ]) {
      expect((await service.call('GET', path)).status, path).toBe(200);
    }
  });

  it('without keys, serves every route anonymously in the memory namespace, admin included', async () => {
    const service = await services.start();
    const episode = await createEpisode(service);
    expect(episode.namespace).toBe('default');
    expect((await service.call('POST', '/v1/admin/sync')).status).toBe(200);
    // A key is ignored rather than checked: there is nothing to check it against.
    expect(
      (await service.call('GET', `/v1/episodes/${episode.id}`, { key: 'anything-at-all-here' })).status,
    ).toBe(200);
  });
});

describe('the loopback rule', () => {
  it('refuses to create a service for a non-loopback host without keys, and allows it with keys', async () => {
    const memory = await createMemory({ storage: createInMemoryStorage() });
    const options = {
      memory,
      logger: pino({ level: 'silent' }),
      rateLimitPerSecond: 0,
      maxInFlight: 0,
      version: { package: 'test', schema: 1 },
    };
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'example.com']) {
      const refusal = await createService({ ...options, host, apiKeys: [] }).catch((error: unknown) => error);
      expect(isMemoryError(refusal, 'CONFIG_INVALID'), host).toBe(true);
      expect((refusal as Error).message).toContain('MEMORY_API_KEYS');
    }
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) {
      const app = await createService({ ...options, host, apiKeys: [] });
      await app.close();
    }
    const memoryWithKeys = await createMemory({ storage: createInMemoryStorage() });
    const app = await createService({
      ...options,
      memory: memoryWithKeys,
      host: '0.0.0.0',
      apiKeys: testApiKeys(),
    });
    await app.close();
  });
});
