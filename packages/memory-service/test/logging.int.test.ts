import { Writable } from 'node:stream';
import { createMemory, type StorageBackend } from '@slm/memory-core';
import { createInMemoryStorage } from '@slm/memory-core/testing';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createService, type ErrorBody } from '../src/index.js';
import { KEYS, testApiKeys } from './support/keys.js';
import { useService } from './support/service-harness.js';

const services = useService();

/** A pino logger that keeps its JSON lines, configured to log request headers (as a careless setup would). */
function capturingLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const logger = pino({ level: 'debug', serializers: { req: pino.stdSerializers.req } }, stream);
  return { logger, lines };
}

describe('logging', () => {
  it('never logs the Authorization header, and tags lines with the request id it returns', async () => {
    const { logger, lines } = capturingLogger();
    const service = await services.start({ apiKeys: testApiKeys(), logger });
    const ok = await service.call('GET', '/v1/episodes', { key: KEYS.alphaUser });
    const refused = await service.call('GET', '/v1/episodes', { key: 'a-wrong-key-that-must-not-be-logged' });
    expect(refused.status).toBe(401);
    const joined = lines.join('\n');
    expect(joined).not.toContain(KEYS.alphaUser);
    expect(joined).not.toContain('a-wrong-key-that-must-not-be-logged');
    const requestId = ok.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const tagged = lines.map((line) => JSON.parse(line)).filter((entry) => entry.requestId === requestId);
    expect(tagged.map((entry) => entry.msg)).toEqual(['incoming request', 'request completed']);
  });

  it("keeps a caller's plain X-Request-Id and replaces one that could forge log lines", async () => {
    const service = await services.start();
    const plain = await service.call('GET', '/v1/stats', { headers: { 'x-request-id': 'trace-42.a_b' } });
    expect(plain.headers.get('x-request-id')).toBe('trace-42.a_b');
    const forged = await service.call('GET', '/v1/stats', {
      headers: { 'x-request-id': 'x"}\\n{"level":60' },
    });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('internal errors', () => {
  const apps: FastifyInstance[] = [];
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
  });

  it('answer 500 without the message or stack, and log it with credentials redacted', async () => {
    const { logger, lines } = capturingLogger();
    const storage = createInMemoryStorage();
    const failing = new Proxy(storage, {
      get(target, property, receiver) {
        if (property === 'listEpisodes') {
          return async () => {
            throw new Error(
              'cannot reach libsql://admin:s3cret-token@db.example.com/memory?authToken=abc123',
            );
          };
        }
        return Reflect.get(target, property, receiver);
      },
    }) as StorageBackend;
    const memory = await createMemory({ storage: failing });
    const app = await createService({
      memory,
      logger,
      apiKeys: [],
      host: '127.0.0.1',
      rateLimitPerSecond: 0,
      maxInFlight: 0,
      version: { package: 'test', schema: 1 },
    });
    apps.push(app);
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const response = await fetch(`${address}/v1/episodes`);
    const body = (await response.json()) as ErrorBody;
    expect(response.status).toBe(500);
    expect(body.error.code).toBe('INTERNAL');
    expect(JSON.stringify(body)).not.toMatch(/s3cret|abc123|libsql|at /);
    const requestId = response.headers.get('x-request-id');
    expect(body.error.details).toEqual({ requestId });
    const logged = lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'request failed');
    expect(logged?.requestId).toBe(requestId);
    expect(logged?.err.message).toContain('libsql://***@db.example.com');
    expect(lines.join('\n')).not.toMatch(/s3cret|abc123/);
  });
});
