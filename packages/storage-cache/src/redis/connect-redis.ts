import { MemoryError } from '@slm/memory-core';
import { createClient } from 'redis';
import type { RedisCommandClient } from './redis-commands.js';

export const ACCEPTED_REDIS_SCHEMES = ['redis:', 'rediss:'] as const;

export interface RedisConnection {
  client: RedisCommandClient;
  /** Settles when the first connection is up (never rejects; it stays pending while Redis is unreachable). */
  firstConnection?: Promise<void>;
  /** Closes the client when the cache created it; a client passed in is left to its owner. */
  release: () => Promise<void>;
}

/**
 * A client for `url` (`redis://` or `rediss://`, with credentials in the URL). It connects in the background
 * and reconnects by itself; while it is offline, commands fail at once (no offline queue), so the cache falls
 * back to the durable store instead of waiting.
 */
export function connectRedis(url: string, onError: (error: unknown) => void): RedisConnection {
  assertRedisUrl(url);
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2_000,
      // Retry quickly but never give up: the cache must come back by itself when Redis returns.
      reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 1_000),
    },
  });
  // Without a listener node-redis would crash the process on a connection error.
  client.on('error', onError);
  const firstConnection = client.connect().then(
    () => undefined,
    (error: unknown) => onError(error),
  );
  return {
    client,
    firstConnection,
    async release() {
      try {
        if (client.isOpen) await client.close();
      } catch {
        client.destroy();
      }
    },
  };
}

export function assertRedisUrl(url: string): void {
  let scheme: string;
  try {
    scheme = new URL(url).protocol;
  } catch (cause) {
    throw new MemoryError(
      'CONFIG_INVALID',
      'the cache option `redis` is not a valid URL (use redis://host:6379)',
      {
        cause,
        details: { option: 'redis' },
      },
    );
  }
  if (!(ACCEPTED_REDIS_SCHEMES as readonly string[]).includes(scheme)) {
    throw new MemoryError(
      'CONFIG_INVALID',
      `the cache option \`redis\` uses the scheme ${scheme}; accepted: ${ACCEPTED_REDIS_SCHEMES.join(' ')}`,
      { details: { option: 'redis', scheme } },
    );
  }
}
