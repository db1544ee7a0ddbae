import { describe, expect, it } from 'vitest';
import { EPISODE_INPUT, type ErrorBody } from './support/fixtures.js';
import { createGatedMcp } from './support/gated-mcp.js';
import { KEYS, testApiKeys } from './support/keys.js';
import { useService } from './support/service-harness.js';

const services = useService();

describe('body limits and malformed bodies', () => {
  it('answers 413 for a body over the default 2 MiB limit and stores nothing', async () => {
    const service = await services.start();
    const huge = JSON.stringify({ ...EPISODE_INPUT, metadata: { blob: 'x'.repeat(2 * 1024 * 1024) } });
    const response = await service.call<ErrorBody>('POST', '/v1/episodes', {
      raw: huge,
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(413);
    expect(response.body.error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      details: { limitBytes: 2 * 1024 * 1024 },
    });
    expect((await service.memory.stats()).episodes.total).toBe(0);
  });

  it('answers 413 to a chunked body (no Content-Length) long before the upload ends', async () => {
    const service = await services.start({ bodyLimitBytes: 4096 });
    const chunk = new TextEncoder().encode(`{"taskDescription":"${'y'.repeat(1000)}`);
    const available = 50_000;
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < available) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await fetch(`${service.url}/v1/episodes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit & { duplex: 'half' });
    expect(response.status).toBe(413);
    // 50 MB were on offer; the answer came while the client was still sending (socket buffers hold a few MB).
    expect(sent).toBeLessThan(available / 2);
    expect((await service.memory.stats()).episodes.total).toBe(0);
    expect((await service.call('GET', '/health/live')).status).toBe(200);
  });

  it('answers 400 for malformed JSON, 415 for other media types, and stores nothing', async () => {
    const service = await services.start();
    for (const raw of [
      '{"taskDescription": "x",',
      '',
      'null',
      '{"__proto__": {"polluted": true}, "taskDescription": "x"}',
      '{"constructor": {"prototype": {"polluted": true}}, "taskDescription": "x"}',
    ]) {
      const response = await service.call<ErrorBody>('POST', '/v1/episodes', {
        raw,
        headers: { 'content-type': 'application/json' },
      });
      expect(response.status, raw).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
    }
    const xml = await service.call<ErrorBody>('POST', '/v1/episodes', {
      raw: '<episode/>',
      headers: { 'content-type': 'application/xml' },
    });
    expect(xml.status).toBe(415);
    expect(xml.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect((await service.memory.stats()).episodes.total).toBe(0);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('answers unknown routes with 404 in the same error shape', async () => {
    const service = await services.start();
    const response = await service.call<ErrorBody>('GET', '/v2/nothing?secret=1');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      error: {
        code: 'NOT_FOUND',
        message: 'no route GET /v2/nothing; /openapi.json lists the routes',
        details: { method: 'GET', path: '/v2/nothing' },
      },
    });
    expect((await service.call('PUT', '/v1/episodes')).status).toBe(404);
  });
});

describe('rate limiting', () => {
  it('answers 429 with Retry-After once a key spends its burst, per key', async () => {
    const service = await services.start({ apiKeys: testApiKeys(), rateLimitPerSecond: 1 });
    const statuses: number[] = [];
    for (let index = 0; index < 3; index++) {
      statuses.push((await service.call('GET', '/v1/episodes', { key: KEYS.alphaUser })).status);
    }
    // Burst of 2 × 1/s, then refused (the third request comes well within a second).
    expect(statuses).toEqual([200, 200, 429]);
    const limited = await service.call<ErrorBody>('GET', '/v1/episodes', { key: KEYS.alphaUser });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await service.call('GET', '/v1/episodes', { key: KEYS.beta })).status).toBe(200);
    expect((await service.call('GET', '/health')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await service.call('GET', '/v1/episodes', { key: KEYS.alphaUser })).status).toBe(200);
  });
});

describe('load shedding', () => {
  it('answers 503 with Retry-After beyond maxInFlight, and recovers when requests finish', async () => {
    const mcp = createGatedMcp();
    const service = await services.start({ maxInFlight: 2, mcp });
    const held = [
      service.call('POST', '/mcp', { json: { jsonrpc: '2.0', id: 1, method: 'ping' } }),
      service.call('POST', '/mcp', { json: { jsonrpc: '2.0', id: 2, method: 'ping' } }),
    ];
    await mcp.waitForHeld(2);
    const shed = await service.call<ErrorBody>('POST', '/v1/episodes', { json: EPISODE_INPUT });
    expect(shed.status).toBe(503);
    expect(shed.body.error.code).toBe('UNAVAILABLE');
    expect(shed.headers.get('retry-after')).toBe('1');
    // Liveness and metrics stay answerable under overload.
    expect((await service.call('GET', '/health/live')).status).toBe(200);
    expect((await service.call('GET', '/metrics')).status).toBe(200);
    mcp.open();
    expect((await Promise.all(held)).map((response) => response.status)).toEqual([200, 200]);
    expect((await service.call('POST', '/v1/episodes', { json: EPISODE_INPUT })).status).toBe(201);
    expect((await service.memory.stats()).episodes.total).toBe(1);
  });
});
