import {
  createLocalEmbeddingProvider,
  createMemory,
  createOpenAICompatibleEmbeddingProvider,
  type EmbeddingProvider,
  type Logger,
  type MemoryObserver,
  noopLogger,
  type SelfLearningMemory,
  type StorageBackend,
} from '@slm/memory-core';
import { withCache } from '@slm/storage-cache';
import {
  createTursoStorage,
  type PoolStatistics,
  type ReadStatistics,
  type TursoStorage,
} from '@slm/storage-turso';
import type { RuntimeConfig } from './config/runtime-config.js';
import { measureStorage, type StorageObserver } from './measure-storage.js';

export interface OpenMemoryOptions {
  /** The binary's logger; components (storage, cache, core) log through children of it when it is pino. */
  logger?: Logger & { child?: unknown };
  /** Metrics hooks (the service's Prometheus observer). */
  observer?: MemoryObserver;
  /** Timing of every storage call (the service's storage latency metric). */
  storageObserver?: StorageObserver;
  /** Only `memory-cli reindex`: open a store whose vectors come from another provider. */
  acceptEmbeddingChange?: boolean;
}

export interface OpenedMemory {
  memory: SelfLearningMemory;
  /** The libSQL store under the cache (migrations, pool statistics, integrity checks). */
  durable: TursoStorage;
  /** What the memory writes to: the cache in front of `durable`. */
  storage: StorageBackend;
  poolStatistics(): PoolStatistics;
  /** Where the store's reads ran: its read threads, the main thread, single-record lookups. */
  readStatistics(): ReadStatistics;
  /** Flushes buffered steps and closes the cache and the store. Idempotent. */
  close(): Promise<void>;
}

/**
 * Opens the memory the way every binary does: the libSQL store (migrated), the cache in front of it (Redis
 * when `REDIS_URL` is set, in-process otherwise) and the configured embedding provider.
 */
export async function openMemory(
  config: RuntimeConfig,
  options: OpenMemoryOptions = {},
): Promise<OpenedMemory> {
  const logger = options.logger ?? noopLogger;
  const embeddings = embeddingProvider(config.embeddings);
  const durable = await createTursoStorage({
    url: config.database.url,
    authToken: config.database.authToken,
    syncUrl: config.database.syncUrl,
    syncIntervalSeconds: config.database.syncIntervalSeconds,
    embeddingDimensions: embeddings?.dimensions ?? config.embeddings.dimensions,
    // A re-index to a provider of another dimension must be able to open the store: the old vectors are
    // dropped and the re-index writes new ones.
    resetEmbeddingsOnDimensionChange: options.acceptEmbeddingChange ?? false,
    pool: {
      maxConnections: config.database.maxConnections,
      connectionTimeoutMs: config.database.connectionTimeoutMs,
    },
    reads: { threads: config.database.readThreads },
  });
  const cached = withCache(durable, {
    ...(config.cache.redisUrl ? { redis: config.cache.redisUrl } : {}),
    maxEpisodes: config.cache.maxEpisodes,
    ttlSeconds: config.cache.ttlSeconds,
    logger,
  });
  const storage = options.storageObserver ? measureStorage(cached, options.storageObserver) : cached;
  let memory: SelfLearningMemory;
  try {
    memory = await createMemory({
      storage,
      embeddings,
      logger,
      ...(options.observer ? { observer: options.observer } : {}),
      acceptEmbeddingChange: options.acceptEmbeddingChange ?? false,
      config: {
        namespace: config.memory.namespace,
        durability: config.memory.durability,
        batch: { maxBatchSize: config.memory.batchSize, flushIntervalMs: config.memory.flushIntervalMs },
      },
    });
  } catch (error) {
    await storage.close();
    throw error;
  }
  return {
    memory,
    durable,
    storage,
    poolStatistics: () => durable.poolStatistics(),
    readStatistics: () => durable.readStatistics(),
    close: () => memory.close(),
  };
}

function embeddingProvider(embeddings: RuntimeConfig['embeddings']): EmbeddingProvider | null {
  switch (embeddings.provider) {
    case 'none':
      return null;
    case 'local':
      return createLocalEmbeddingProvider({ dimensions: embeddings.dimensions });
    case 'openai-compatible':
      // loadConfig guarantees both are present for this provider.
      return createOpenAICompatibleEmbeddingProvider({
        baseURL: embeddings.baseUrl as string,
        model: embeddings.model as string,
        apiKey: embeddings.apiKey,
        dimensions: embeddings.dimensions,
      });
  }
}
