import type { TestProject } from 'vitest/node';
import { startRedisServer } from './redis-server.js';

export { freePort, type RedisServerHandle, startRedisServer } from './redis-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
    redisPort: number;
  }
}

/**
 * Starts a private redis-server on a free port for the test run, or uses REDIS_URL when it is set.
 * Fails loudly when neither is possible: tests that need Redis never skip silently.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env['REDIS_URL'];
  if (external) {
    project.provide('redisUrl', external);
    project.provide('redisPort', Number(new URL(external).port || 6379));
    return async () => {};
  }
  const server = await startRedisServer();
  project.provide('redisUrl', server.url);
  project.provide('redisPort', server.port);
  return server.stop;
}
