import type { Clock } from '../clock.js';
import type { EmbeddingProvider } from '../embeddings/provider.js';
import type { Reflector } from '../learning/reflection.js';
import type { Logger } from '../logger.js';
import type { StorageBackend } from '../storage/backend.js';
import type { MemoryConfig } from './config.js';
import type { MergeCandidates } from './merge-candidates.js';
import type { MemoryObserver } from './observer.js';
import type { RetrievalTally } from './retrieval-tally.js';
import type { StepBuffer } from './step-buffer.js';

/** Counters of this process, reported by `stats()`. */
export interface ProcessCounters {
  learningRuns: number;
  learningFailures: number;
}

/** Everything the namespaced memories of one `createMemory` share. */
export interface MemoryRuntime {
  storage: StorageBackend;
  /** `null` when embeddings are disabled (`MEMORY_EMBEDDINGS=none`): retrieval is lexical only. */
  embeddings: EmbeddingProvider | null;
  config: MemoryConfig;
  logger: Logger;
  clock: Clock;
  observer: MemoryObserver;
  reflector: Reflector;
  stepBuffer: StepBuffer;
  counters: ProcessCounters;
  state: { closed: boolean };
  /** Writes that do not hold up the caller (retrieval counts); awaited by `flush` and `close`. */
  background: Set<Promise<void>>;
  /** Pattern retrieval counts waiting to be written in the background. */
  retrievals: RetrievalTally;
  /** Recently listed near-duplicate candidates, per pattern group. */
  mergeCandidates: MergeCandidates;
}

/** A memory runtime seen through one namespace: what every operation works with. */
export interface MemoryScope {
  runtime: MemoryRuntime;
  namespace: string;
}

export function nowIso(scope: MemoryScope): string {
  return new Date(scope.runtime.clock.now()).toISOString();
}

/** Runs a write without holding up the caller; failures are logged, and `flush`/`close` wait for it. */
export function inBackground(runtime: MemoryRuntime, what: string, write: () => Promise<void>): void {
  const pending: Promise<void> = write()
    .catch((error: unknown) => runtime.logger.warn({ err: error }, `${what} failed`))
    .finally(() => runtime.background.delete(pending));
  runtime.background.add(pending);
}

export async function settleBackground(runtime: MemoryRuntime): Promise<void> {
  runtime.retrievals.writeNow();
  while (runtime.background.size > 0) await Promise.all([...runtime.background]);
}
