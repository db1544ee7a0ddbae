import { isMemoryError } from '@slm/memory-core';
import { describe, expect, it } from 'vitest';
import { closeService } from '../src/index.js';
import { createEpisode, stepInput } from './support/fixtures.js';
import { createGatedMcp } from './support/gated-mcp.js';
import { useService } from './support/service-harness.js';

const services = useService();

describe('closeService', () => {
  it('drains in-flight requests, refuses new work, then closes the memory', async () => {
    // The gate stays shut while the service closes: the request is still in flight during the drain.
    const mcp = createGatedMcp(false, true);
    const service = await services.start({ mcp });
    const episode = await createEpisode(service);
    const inFlight = service.call('POST', '/mcp', { json: { jsonrpc: '2.0', id: 1, method: 'ping' } });
    await mcp.waitForHeld(1);

    const closing = closeService(service.app, 5_000);
    // The held request is still running: the memory must still be open.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await service.memory.stats()).episodes.total).toBe(1);
    // New work is refused: a new connection is refused, a kept-alive one gets 503.
    const during = await service
      .call('POST', '/v1/episodes', { json: { taskDescription: 'during shutdown' } })
      .then(
        (response) => response.status,
        () => 'refused',
      );
    expect([503, 'refused']).toContain(during);
    mcp.open();
    expect((await inFlight).status).toBe(200);
    const report = await closing;
    expect(report.forced).toBe(false);
    expect(mcp.closed).toBe(true);
    const afterClose = await service.memory.getEpisode(episode.id).catch((error: unknown) => error);
    expect(isMemoryError(afterClose, 'UNAVAILABLE')).toBe(true);
    await expect(fetch(`${service.url}/health/live`)).rejects.toThrow();
    const reopened = await service.reopenDurable();
    expect((await reopened.stats('default')).episodes.total).toBe(1);
  });

  it('cuts requests still running at the deadline, and closes the memory anyway', async () => {
    const mcp = createGatedMcp(false, true);
    const service = await services.start({ mcp });
    const stuck = service.call('POST', '/mcp', { json: {} }).catch((error: unknown) => error);
    await mcp.waitForHeld(1);
    const report = await closeService(service.app, 200);
    expect(report.forced).toBe(true);
    expect(report.durationMs).toBeLessThan(5_000);
    expect(await stuck).toBeInstanceOf(Error);
    const afterClose = await service.memory.stats().catch((error: unknown) => error);
    expect(isMemoryError(afterClose, 'UNAVAILABLE')).toBe(true);
  });

  it('flushes steps buffered in batched mode when closing', async () => {
    const service = await services.start({ batched: true });
    const episode = await createEpisode(service);
    const logged = await service.call('POST', `/v1/episodes/${episode.id}/steps`, { json: stepInput(1) });
    expect(logged.body).toMatchObject({ accepted: 1, buffered: true });
    expect((await service.durable.getEpisode('default', episode.id))?.steps).toHaveLength(0);
    await closeService(service.app);
    const reopened = await service.reopenDurable();
    expect((await reopened.getEpisode('default', episode.id))?.steps).toHaveLength(1);
  });
});
