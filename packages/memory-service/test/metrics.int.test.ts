import { describe, expect, it } from 'vitest';
import { createServiceMetrics } from '../src/index.js';
import { completedEpisode, createEpisode } from './support/fixtures.js';
import { parseSamples, sampleKey } from './support/prometheus.js';
import { type TestService, useService } from './support/service-harness.js';

const services = useService();
const ns = { namespace: 'default' };

async function scrape(service: TestService): Promise<Map<string, number>> {
  const response = await service.call('GET', '/metrics');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return parseSamples(response.text);
}

/** The change of each sample between two scrapes (absent counts as 0). */
function delta(before: Map<string, number>, after: Map<string, number>, key: string): number {
  return (after.get(key) ?? 0) - (before.get(key) ?? 0);
}

describe('/metrics', () => {
  it('counts episodes, steps, completions, learning runs and retrievals by exactly what was done', async () => {
    const service = await services.start();
    const before = await scrape(service);
    await createEpisode(service);
    await completedEpisode(service);
    await service.call('POST', '/v1/retrieve', { json: { query: 'checkout test' } });
    await service.call('POST', '/v1/retrieve', { json: { query: 'payment flake' } });
    const after = await scrape(service);

    expect(delta(before, after, sampleKey('memory_episode_created_total', ns))).toBe(2);
    expect(delta(before, after, sampleKey('memory_steps_logged_total', ns))).toBe(3);
    expect(delta(before, after, sampleKey('memory_episode_completion_latency_ms_count', ns))).toBe(1);
    expect(delta(before, after, sampleKey('memory_pattern_extraction_success_total', ns))).toBe(1);
    expect(after.get(sampleKey('memory_pattern_extraction_failure_total', ns))).toBeUndefined();
    expect(
      delta(
        before,
        after,
        sampleKey('memory_pattern_extraction_latency_ms_count', { ...ns, outcome: 'success' }),
      ),
    ).toBe(1);
    expect(delta(before, after, sampleKey('memory_retrieval_latency_ms_count', ns))).toBe(2);
    expect(after.get(sampleKey('memory_retrieval_latency_ms_sum', ns))).toBeGreaterThan(0);
  });

  it('counts HTTP requests by method, route template and status, and errors by code', async () => {
    const service = await services.start();
    const before = await scrape(service);
    const episode = await createEpisode(service);
    await createEpisode(service);
    await service.call('GET', `/v1/episodes/${episode.id}`);
    await service.call('POST', '/v1/episodes', { json: { taskDescription: '' } });
    await service.call('GET', '/nowhere');
    const after = await scrape(service);
    const requests = (method: string, route: string, status: string) =>
      delta(before, after, sampleKey('memory_http_requests_total', { method, route, status }));
    expect(requests('POST', '/v1/episodes', '201')).toBe(2);
    expect(requests('GET', '/v1/episodes/:id', '200')).toBe(1);
    expect(requests('POST', '/v1/episodes', '400')).toBe(1);
    expect(requests('GET', 'unmatched', '404')).toBe(1);
    // The first scrape is counted once it has been answered.
    expect(requests('GET', '/metrics', '200')).toBe(1);
    expect(
      delta(
        before,
        after,
        sampleKey('memory_http_request_duration_ms_count', {
          method: 'POST',
          route: '/v1/episodes',
          status: '201',
        }),
      ),
    ).toBe(2);
    expect(delta(before, after, sampleKey('memory_http_errors_total', { code: 'VALIDATION_FAILED' }))).toBe(
      1,
    );
    expect(delta(before, after, sampleKey('memory_http_errors_total', { code: 'NOT_FOUND' }))).toBe(1);
  });

  it("copies the cache's own counters at scrape time, and has no cache series without a cache", async () => {
    const cached = await services.start({ inProcessCache: true });
    const episode = await createEpisode(cached);
    const before = await scrape(cached);
    const backend = { backend: 'in-process' };
    const stats = await cached.memory.cacheStatistics();
    expect(before.get(sampleKey('memory_cache_hits_total', backend))).toBe(stats?.hits);
    expect(before.get(sampleKey('memory_cache_misses_total', backend))).toBe(stats?.misses);
    await cached.call('GET', `/v1/episodes/${episode.id}`);
    await cached.call('GET', `/v1/episodes/${episode.id}`);
    const after = await scrape(cached);
    const hits = delta(before, after, sampleKey('memory_cache_hits_total', backend));
    const misses = delta(before, after, sampleKey('memory_cache_misses_total', backend));
    // Two reads of one episode: whatever the first did, the second is a hit.
    expect(hits + misses).toBe(2);
    expect(hits).toBeGreaterThanOrEqual(1);
    const totalHits = after.get(sampleKey('memory_cache_hits_total', backend)) ?? 0;
    const totalMisses = after.get(sampleKey('memory_cache_misses_total', backend)) ?? 0;
    expect(after.get(sampleKey('memory_cache_hit_rate', backend))).toBeCloseTo(
      totalHits / (totalHits + totalMisses),
      6,
    );

    const uncached = await services.start();
    const text = (await uncached.call('GET', '/metrics')).text;
    expect(text).not.toMatch(/^memory_cache_/m);
  });

  it("reports the pool's measured statistics", async () => {
    const service = await services.start();
    const before = await scrape(service);
    await createEpisode(service);
    const after = await scrape(service);
    const pool = { pool: 'database' };
    const statistics = service.durable.poolStatistics();
    expect(after.get(sampleKey('memory_pool_max_connections', pool))).toBe(statistics.maxConnections);
    expect(delta(before, after, sampleKey('memory_pool_checkouts_total', pool))).toBeGreaterThan(0);
    expect(after.get(sampleKey('memory_pool_active_connections', pool))).toBe(0);
    expect(after.get(sampleKey('memory_pool_utilization', pool))).toBe(0);
    expect(after.has(sampleKey('memory_pool_checkout_wait_ms', pool))).toBe(true);
  });

  it("reports where the store's reads ran", async () => {
    const service = await services.start();
    await createEpisode(service);
    await service.call('POST', '/v1/retrieve', { json: { query: 'checkout test' } });
    const samples = await scrape(service);
    const reads = service.durable.readStatistics();
    expect(reads.onThreads + reads.onMainThread).toBeGreaterThan(0);
    expect(samples.get(sampleKey('memory_storage_reads_total', { where: 'thread' }))).toBe(reads.onThreads);
    expect(samples.get(sampleKey('memory_storage_reads_total', { where: 'main_thread' }))).toBe(
      reads.onMainThread,
    );
    expect(samples.get(sampleKey('memory_storage_reads_total', { where: 'lookup' }))).toBe(reads.lookups);
    expect(samples.get('memory_read_threads_running')).toBe(reads.threads === 'running' ? 1 : 0);
  });

  it('includes Node process metrics unless switched off', async () => {
    const metrics = createServiceMetrics();
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes /m);
    expect(text).not.toMatch(/^memory_pool_/m);
    expect(text).not.toMatch(/^memory_storage_reads_/m);
    expect(await createServiceMetrics({ processMetrics: false }).registry.metrics()).not.toMatch(
      /^process_/m,
    );
  });
});
