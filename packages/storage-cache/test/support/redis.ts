import { randomUUID } from 'node:crypto';
// Declares the values the global setup provides (redisUrl, redisPort).
import type {} from '@slm/vitest-config/redis-global-setup';
import { createClient } from 'redis';
import { afterAll, inject } from 'vitest';

/** The private redis-server of the test run (see @slm/vitest-config). */
export function redisUrl(): string {
  return inject('redisUrl');
}

/** A key prefix no other test uses, so tests sharing the server never see each other's keys. */
export function uniquePrefix(): string {
  return `t-${randomUUID().slice(0, 8)}`;
}

export type TestRedisClient = ReturnType<typeof createClient>;

/** A connected client for the test file (closed after it), for inspecting keys and sharing with caches. */
export async function connectTestClient(url = redisUrl()): Promise<TestRedisClient> {
  const client = createClient({ url });
  client.on('error', () => {});
  await client.connect();
  afterAll(async () => {
    if (client.isOpen) await client.close();
  });
  return client;
}
