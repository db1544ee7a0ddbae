import type { IncomingMessage, ServerResponse } from 'node:http';
import { MemoryError, type SelfLearningMemory } from '@slm/memory-core';
import type { Logger } from 'pino';
import type { ApiKey } from './auth/api-key.js';
import type { PoolStatisticsSource } from './metrics/pool-metrics.js';
import type { ReadStatisticsSource } from './metrics/read-metrics.js';
import type { ServiceMetrics } from './metrics/service-metrics.js';

/** The MCP Streamable HTTP handler (from @slm/memory-mcp), mounted at `/mcp` when given. */
export interface McpHandler {
  /** Serves one request; `memory` is scoped to the caller's namespace; `body` is the parsed JSON (POST). */
  handle(
    request: IncomingMessage,
    response: ServerResponse,
    body: unknown,
    memory: SelfLearningMemory,
  ): Promise<void>;
  /** Ends open sessions and streams (called when the service closes, before it waits for requests). */
  close(): Promise<void>;
}

export interface ServiceVersion {
  /** The package version, e.g. `0.1.0`. */
  package: string;
  /** The database schema version. */
  schema: number | string;
}

export interface ServiceOptions {
  /** The memory; its namespace is the one used when no API keys are configured. Closed when the service closes. */
  memory: SelfLearningMemory;
  /** Fastify's logger (request ids in every line; the Authorization header is never logged). */
  logger: Logger;
  /** From `parseApiKeys`. Empty: anonymous admin access, loopback only. */
  apiKeys: readonly ApiKey[];
  /** The address the binary will listen on: a non-loopback host without keys is refused (`CONFIG_INVALID`). */
  host: string;
  /** Requests per second per key (bursts of twice that); 0 turns limiting off. */
  rateLimitPerSecond: number;
  /** Concurrent requests beyond which new ones get 503 with `Retry-After`; 0 turns shedding off. */
  maxInFlight: number;
  /** Largest request body; larger ones get 413 before they are read in full. Default 2 MiB. */
  bodyLimitBytes?: number;
  /** From `createServiceMetrics()`; created when absent. */
  metrics?: ServiceMetrics;
  /** The store's pool statistics for the pool metrics (storage-turso: `() => storage.poolStatistics()`). */
  poolStatistics?: PoolStatisticsSource;
  /** Where the store's reads ran, for the read metrics (storage-turso: `() => storage.readStatistics()`). */
  readStatistics?: ReadStatisticsSource;
  mcp?: McpHandler;
  version: ServiceVersion;
  /** Longest a health probe may take before it counts as down. Default 5,000 ms. */
  healthTimeoutMs?: number;
}

export const DEFAULT_BODY_LIMIT_BYTES = 2 * 1024 * 1024;
export const DEFAULT_HEALTH_TIMEOUT_MS = 5_000;

/** Refuses impossible limits with `CONFIG_INVALID` naming the option. */
export function assertLimits(options: ServiceOptions): void {
  requireLimit('rateLimitPerSecond', options.rateLimitPerSecond, false, 0);
  requireLimit('maxInFlight', options.maxInFlight, true, 0);
  if (options.bodyLimitBytes !== undefined) requireLimit('bodyLimitBytes', options.bodyLimitBytes, true, 1);
  if (options.healthTimeoutMs !== undefined)
    requireLimit('healthTimeoutMs', options.healthTimeoutMs, true, 1);
}

function requireLimit(name: string, value: number, integer: boolean, minimum: number): void {
  if (!Number.isFinite(value) || value < minimum || (integer && !Number.isInteger(value))) {
    throw new MemoryError(
      'CONFIG_INVALID',
      `service option ${name} must be ${integer ? 'an integer' : 'a number'} ≥ ${minimum} (got ${value})`,
      { details: { option: name } },
    );
  }
}
