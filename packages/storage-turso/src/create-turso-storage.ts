import type { Client } from '@libsql/client';
import { asStorageError } from '@slm/memory-core';
import {
  DEFAULT_BUSY_TIMEOUT_MS,
  DEFAULT_DATABASE_URL,
  DEFAULT_GROUP_COMMIT_CONFIG,
  DEFAULT_POOL_CONFIG,
  DEFAULT_READ_THREAD_CONFIG,
  DEFAULT_TURSO_CONFIG,
  type GroupCommitConfig,
  type PoolConfig,
  type ReadThreadConfig,
  type TursoConfig,
  type TursoStorageConfig,
} from './config.js';
import { configInvalid } from './failures.js';
import { ensureEmbeddingDimensions } from './migrations/embedding-dimensions.js';
import { type MigrationReport, migrate } from './migrations/migrate.js';
import { Database } from './sql/database.js';
import { closeClients, type DatabaseClients, openClients } from './sql/open-clients.js';
import { withRetry } from './sql/retry.js';
import { TursoStorage, type TursoStorageKind } from './turso-storage.js';
import { type DatabaseLocation, resolveLocation } from './url-policy.js';

/** SQLite's default page cache (2 MiB), for a main-thread reader that read threads relieve. */
const FALLBACK_READER_CACHE_KIB = 2_000;

/** Seams for tests and advanced embedding; production code passes nothing. */
export interface TursoStorageDependencies {
  /**
   * Wraps every `@libsql/client` client the storage creates (fault injection, tracing). Read threads bypass
   * the clients, so with a wrapper reads stay on the (wrapped) main-thread reader unless `reads.threads` is
   * set explicitly.
   */
  wrapClient?: (client: Client) => Client;
}

interface ResolvedConfig {
  location: DatabaseLocation;
  dimensions: number;
  turso: TursoConfig;
  pool: PoolConfig;
  groupCommit: GroupCommitConfig;
  reads: ReadThreadConfig;
  busyTimeoutMs: number;
}

/**
 * Opens (creating when needed) a libSQL database as a `StorageBackend`: validates the configuration, applies
 * pending migrations, checks the embedding dimension. Fails with `CONFIG_INVALID` for a bad configuration
 * (the message names the variable) and `STORAGE_FAILED` when the database cannot be opened.
 */
export async function createTursoStorage(
  config: TursoStorageConfig,
  dependencies: TursoStorageDependencies = {},
): Promise<TursoStorage> {
  const resolved = resolveConfig(config, dependencies);
  const clients = open(resolved, dependencies);
  let migration: MigrationReport | undefined;
  try {
    // Every step is idempotent, so the whole opening retries transient failures (a busy file, a dropped link).
    const reconnect = { beforeRetry: () => (clients.local ? clients.writer.reconnect() : undefined) };
    await withRetry(
      resolved.turso,
      async () => {
        await clients.prepare();
        for (const pragma of clients.writerPragmas) await clients.writer.execute(pragma);
        // A retry after a committed migration finds nothing to apply: keep the first report.
        migration ??= await migrate(clients.writer, { dimensions: resolved.dimensions });
        await ensureEmbeddingDimensions(
          clients.writer,
          resolved.dimensions,
          config.resetEmbeddingsOnDimensionChange ?? false,
        );
      },
      reconnect,
    );
  } catch (error) {
    closeClients(clients);
    throw asStorageError(error, 'migrate');
  }
  const database = new Database(clients, {
    turso: resolved.turso,
    pool: resolved.pool,
    groupCommit: resolved.groupCommit,
    reads: resolved.reads,
    // An embedded replica forwards its writes to the remote primary: its COMMIT can be ambiguous too.
    remote: resolved.location.kind !== 'file',
  });
  return new TursoStorage(kindOf(resolved.location), database, resolved.dimensions, migration!);
}

/** Applies pending migrations and closes again: `memory-cli migrate`. */
export async function migrateTursoDatabase(
  config: TursoStorageConfig,
  dependencies: TursoStorageDependencies = {},
): Promise<MigrationReport> {
  const storage = await createTursoStorage(config, dependencies);
  await storage.close();
  return storage.migration;
}

function open(resolved: ResolvedConfig, dependencies: TursoStorageDependencies): DatabaseClients {
  try {
    return openClients(resolved.location, {
      busyTimeoutMs: resolved.busyTimeoutMs,
      maxConnections: resolved.pool.maxConnections,
      // With read threads the main-thread reader only serves the first reads (and a failed thread's): a
      // second large cache would be resident memory for nothing.
      readerCacheKib: resolved.reads.threads > 0 ? FALLBACK_READER_CACHE_KIB : resolved.reads.cacheKib,
      wrapClient: dependencies.wrapClient,
    });
  } catch (error) {
    throw asStorageError(error, 'open');
  }
}

function kindOf(location: DatabaseLocation): TursoStorageKind {
  return location.kind === 'file'
    ? 'libsql-file'
    : location.kind === 'remote'
      ? 'libsql-remote'
      : 'libsql-replica';
}

function resolveConfig(config: TursoStorageConfig, dependencies: TursoStorageDependencies): ResolvedConfig {
  const dimensions = config.embeddingDimensions;
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > 65_536) {
    throw configInvalid(`embeddingDimensions must be an integer from 1 to 65536 (got ${dimensions})`, {
      field: 'embeddingDimensions',
    });
  }
  const turso = withDefaults(DEFAULT_TURSO_CONFIG, config.turso);
  const pool = withDefaults(DEFAULT_POOL_CONFIG, config.pool);
  const groupCommit = withDefaults(DEFAULT_GROUP_COMMIT_CONFIG, config.groupCommit);
  const reads = withDefaults(
    dependencies.wrapClient ? { ...DEFAULT_READ_THREAD_CONFIG, threads: 0 } : DEFAULT_READ_THREAD_CONFIG,
    config.reads,
  );
  const busyTimeoutMs = config.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  requireWhole('turso.maxRetries', turso.maxRetries, 0);
  requireWhole('turso.retryBaseDelayMs', turso.retryBaseDelayMs, 0);
  requireWhole('turso.retryMaxDelayMs', turso.retryMaxDelayMs, 0);
  requireWhole('pool.maxConnections (MEMORY_MAX_CONNECTIONS)', pool.maxConnections, 1);
  requireWhole('pool.connectionTimeoutMs (MEMORY_CONNECTION_TIMEOUT)', pool.connectionTimeoutMs, 1);
  requireWhole('pool.healthCheckTimeoutMs', pool.healthCheckTimeoutMs, 1);
  requireWhole('groupCommit.maxWrites', groupCommit.maxWrites, 1);
  requireWhole('groupCommit.maxBytes', groupCommit.maxBytes, 1);
  requireWhole('reads.threads', reads.threads, 0);
  requireWhole('reads.startAfterReads', reads.startAfterReads, 0);
  requireWhole('reads.cacheKib', reads.cacheKib, 0);
  requireWhole('busyTimeoutMs', busyTimeoutMs, 0);
  const location = resolveLocation({
    url: config.url ?? DEFAULT_DATABASE_URL,
    authToken: config.authToken,
    syncUrl: config.syncUrl,
    syncIntervalSeconds: config.syncIntervalSeconds,
  });
  return { location, dimensions, turso, pool, groupCommit, reads, busyTimeoutMs };
}

/** The defaults, overridden by the options that are set (an explicit `undefined` keeps the default). */
function withDefaults<T extends object>(defaults: T, options: Partial<T> | undefined): T {
  const merged = { ...defaults };
  for (const [key, value] of Object.entries(options ?? {})) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}

function requireWhole(field: string, value: number, minimum: number): void {
  if (!Number.isInteger(value) || value < minimum) {
    throw configInvalid(`${field} must be an integer ≥ ${minimum} (got ${value})`, { field });
  }
}
