import { createMemory, type SelfLearningMemory, type StorageBackend } from '@slm/memory-core';
import { withCache } from '@slm/storage-cache';
import { createTursoStorage, type TursoStorage } from '@slm/storage-turso';
import { createTempDirectory, type TempDirectory } from '@slm/vitest-config/temp';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterEach } from 'vitest';
import {
  type ApiKey,
  closeService,
  createService,
  createServiceMetrics,
  type McpHandler,
  type ServiceMetrics,
} from '../../src/index.js';

export interface StartOptions {
  apiKeys?: readonly ApiKey[];
  rateLimitPerSecond?: number;
  maxInFlight?: number;
  bodyLimitBytes?: number;
  mcp?: McpHandler;
  logger?: pino.Logger;
  /** Put a Redis cache that cannot be reached (a closed port) in front of the store. */
  unreachableRedisPort?: number;
  /** Put storage-cache's in-process cache in front of the store. */
  inProcessCache?: boolean;
  /** `batched` durability with a flush timer too slow to fire during a test. */
  batched?: boolean;
  healthTimeoutMs?: number;
}

export interface Response<T> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface CallOptions {
  /** Serialised as JSON with `Content-Type: application/json`. */
  json?: unknown;
  /** Sent as is (set the content type in `headers`). */
  raw?: string | Uint8Array;
  key?: string;
  headers?: Record<string, string>;
}

export interface TestService {
  url: string;
  app: FastifyInstance;
  memory: SelfLearningMemory;
  metrics: ServiceMetrics;
  storage: StorageBackend;
  durable: TursoStorage;
  /** A second storage on the same database file (closed after the test). */
  reopenDurable(): Promise<TursoStorage>;
  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options?: CallOptions,
  ): Promise<Response<T>>;
}

/** A real service over a real libSQL file, listening on 127.0.0.1 and an ephemeral port, closed after each test. */
export function useService() {
  const started: Array<{ app: FastifyInstance; directory: TempDirectory; extra: TursoStorage[] }> = [];
  afterEach(async () => {
    for (const { app, directory, extra } of started.splice(0)) {
      // A deadline, so a test that failed with requests held open cannot hang the suite.
      await closeService(app, 2_000);
      for (const storage of extra) await storage.close();
      directory.remove();
    }
  });
  return {
    async start(options: StartOptions = {}): Promise<TestService> {
      const directory = createTempDirectory('slm-service-');
      const durable = await createTursoStorage({
        url: directory.databaseUrl('m.db'),
        embeddingDimensions: 384,
      });
      const storage =
        options.unreachableRedisPort !== undefined
          ? withCache(durable, {
              redis: `redis://127.0.0.1:${options.unreachableRedisPort}`,
              operationTimeoutMs: 50,
            })
          : options.inProcessCache
            ? withCache(durable)
            : durable;
      const metrics = createServiceMetrics({ processMetrics: false });
      const memory = await createMemory({
        storage,
        observer: metrics.observer,
        config: options.batched ? { durability: 'batched', batch: { flushIntervalMs: 600_000 } } : {},
      });
      const app = await createService({
        memory,
        logger: options.logger ?? pino({ level: 'silent' }),
        apiKeys: options.apiKeys ?? [],
        host: '127.0.0.1',
        rateLimitPerSecond: options.rateLimitPerSecond ?? 0,
        maxInFlight: options.maxInFlight ?? 0,
        bodyLimitBytes: options.bodyLimitBytes,
        metrics,
        poolStatistics: () => durable.poolStatistics(),
        readStatistics: () => durable.readStatistics(),
        mcp: options.mcp,
        version: { package: '0.1.0-test', schema: durable.schemaVersion },
        healthTimeoutMs: options.healthTimeoutMs,
      });
      const extra: TursoStorage[] = [];
      started.push({ app, directory, extra });
      const address = await app.listen({ host: '127.0.0.1', port: 0 });
      const reopenDurable = async () => {
        const reopened = await createTursoStorage({
          url: directory.databaseUrl('m.db'),
          embeddingDimensions: 384,
        });
        extra.push(reopened);
        return reopened;
      };
      return { url: address, app, memory, metrics, storage, durable, reopenDurable, call: caller(address) };
    },
  };
}

function caller(base: string) {
  return async <T>(method: string, path: string, options: CallOptions = {}): Promise<Response<T>> => {
    const headers: Record<string, string> = { ...options.headers };
    let body: string | Uint8Array | undefined;
    if (options.json !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.raw !== undefined) {
      body = options.raw;
    }
    if (options.key !== undefined) headers['authorization'] = `Bearer ${options.key}`;
    const response = await fetch(`${base}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('application/json') && text !== '') {
      parsed = JSON.parse(text);
    }
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  };
}

/** A port nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
