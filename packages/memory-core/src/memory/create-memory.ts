import { type Clock, systemClock } from '../clock.js';
import { NamespaceSchema } from '../domain/primitives.js';
import { createLocalEmbeddingProvider } from '../embeddings/local-hash-embedder.js';
import type { EmbeddingProvider } from '../embeddings/provider.js';
import { MemoryError } from '../errors.js';
import { createRuleBasedReflector, type Reflector } from '../learning/reflection.js';
import { type Logger, noopLogger } from '../logger.js';
import type { StorageBackend } from '../storage/backend.js';
import { type MemoryConfigInput, MemoryConfigSchema } from './config.js';
import type { SelfLearningMemory } from './memory.js';
import { MergeCandidates } from './merge-candidates.js';
import { NamespacedMemory } from './namespaced-memory.js';
import type { MemoryObserver } from './observer.js';
import { EMBEDDING_PROVIDER_META, recordEmbeddingSpace } from './operations.js';
import { RetrievalTally } from './retrieval-tally.js';
import { inBackground, type MemoryRuntime } from './runtime.js';
import { StepBuffer } from './step-buffer.js';
import { parseInput } from './validation.js';

export interface CreateMemoryOptions {
  storage: StorageBackend;
  /** Default: the local hashing embedder. `null` disables embeddings (lexical retrieval only). */
  embeddings?: EmbeddingProvider | null;
  config?: MemoryConfigInput;
  logger?: Logger;
  clock?: Clock;
  observer?: MemoryObserver;
  /** Default: the rule-based reflector (no network). */
  reflector?: Reflector;
  /**
   * Accept a store whose vectors come from another embedding provider (only `memory-cli reindex` should:
   * it re-embeds everything and records the new provider).
   */
  acceptEmbeddingChange?: boolean;
}

/**
 * Creates the self-learning memory over a storage backend. Verifies that the store's vectors come from the
 * configured embedding provider: mixing vector spaces silently would make semantic search meaningless.
 */
export async function createMemory(options: CreateMemoryOptions): Promise<SelfLearningMemory> {
  const config = parseInput(MemoryConfigSchema, options.config ?? {}, 'memory config');
  const namespace = parseInput(NamespaceSchema, config.namespace, 'namespace');
  const logger = options.logger ?? noopLogger;
  const embeddings = options.embeddings === undefined ? createLocalEmbeddingProvider() : options.embeddings;
  const runtime: MemoryRuntime = {
    storage: options.storage,
    embeddings,
    config,
    logger,
    clock: options.clock ?? systemClock,
    observer: options.observer ?? {},
    reflector: options.reflector ?? createRuleBasedReflector(),
    stepBuffer: new StepBuffer(options.storage, config.batch, logger),
    counters: { learningRuns: 0, learningFailures: 0 },
    state: { closed: false },
    background: new Set(),
    retrievals: new RetrievalTally(
      (namespace, usage) => options.storage.recordPatternUsage(namespace, usage),
      (write) => inBackground(runtime, 'recording pattern retrievals', write),
    ),
    mergeCandidates: new MergeCandidates(() => runtime.clock.now()),
  };
  await verifyEmbeddingSpace(runtime, options.acceptEmbeddingChange ?? false);
  return new NamespacedMemory(runtime, namespace);
}

async function verifyEmbeddingSpace(runtime: MemoryRuntime, acceptChange: boolean): Promise<void> {
  const current = runtime.embeddings?.id ?? 'none';
  const stored = await runtime.storage.getMeta(EMBEDDING_PROVIDER_META);
  if (stored === current) return;
  // A re-index records the new provider itself, once every vector has been rewritten.
  if (acceptChange) return;
  if (stored !== null) {
    const counts = await runtime.storage.countRecords({ namespace: null });
    if ((counts.episode ?? 0) + (counts.pattern ?? 0) > 0) {
      throw new MemoryError(
        'CONFIG_INVALID',
        `the store's vectors come from embedding provider "${stored}" but this memory uses "${current}": ` +
          'run `memory-cli reindex` to re-embed everything with the new provider, or set MEMORY_EMBEDDINGS back',
        { details: { stored, configured: current } },
      );
    }
  }
  await recordEmbeddingSpace(runtime);
}
