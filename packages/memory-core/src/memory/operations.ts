import type { ExportRecord } from '../domain/export-record.js';
import type { OutcomeType } from '../domain/outcome.js';
import { isFailedStep } from '../domain/step.js';
import type { ImportSummary } from '../storage/admin-store.js';
import {
  type CacheRegenerateReport,
  type CacheStatistics,
  type CacheSyncReport,
  hasCacheMaintenance,
} from '../storage/capabilities.js';
import { episodeEmbeddingText, patternEmbeddingText } from '../text/search-documents.js';
import { distinctSearchTerms } from '../text/terms.js';
import { isRecurring } from './learning-run.js';
import type { MemoryHealth, ReindexReport } from './memory.js';
import type { MemoryStats } from './results.js';
import type { MemoryRuntime, MemoryScope } from './runtime.js';

/** Counts and rates of the namespace, measured in the store. */
export async function stats(scope: MemoryScope): Promise<MemoryStats> {
  const { storage, counters, stepBuffer } = scope.runtime;
  const [stored, recommendations] = await Promise.all([
    storage.stats(scope.namespace),
    storage.recommendationStats(scope.namespace),
  ]);
  const completed = stored.episodes.completed;
  const successes = stored.episodes.byOutcome['success' satisfies OutcomeType];
  return {
    ...stored,
    namespace: scope.namespace,
    successRate: completed === 0 ? 0 : successes / completed,
    recommendations,
    process: {
      learningRuns: counters.learningRuns,
      learningFailures: counters.learningFailures,
      bufferedSteps: stepBuffer.size,
    },
  };
}

/** Real probes of the store and, when there is one, the cache. */
export async function health(runtime: MemoryRuntime): Promise<MemoryHealth> {
  const { storage } = runtime;
  const storageHealth = await storage.healthCheck();
  const cache = hasCacheMaintenance(storage) ? await storage.cacheHealth() : null;
  const status = !storageHealth.ok ? 'down' : cache && cache.state !== 'ok' ? 'degraded' : 'ok';
  return { status, storage: { ...storageHealth, kind: storage.kind }, cache };
}

export async function syncMemories(scope: MemoryScope): Promise<CacheSyncReport> {
  const { storage } = scope.runtime;
  if (!hasCacheMaintenance(storage)) return { checked: 0, refreshed: 0, dropped: 0 };
  return storage.syncMemories(scope.namespace);
}

export async function regenerateCache(scope: MemoryScope, warm = 100): Promise<CacheRegenerateReport> {
  const { storage } = scope.runtime;
  if (!hasCacheMaintenance(storage)) return { dropped: 0, warmed: 0 };
  return storage.regenerate(scope.namespace, warm);
}

export async function cacheStatistics(runtime: MemoryRuntime): Promise<CacheStatistics | null> {
  const { storage } = runtime;
  return hasCacheMaintenance(storage) ? storage.cacheStatistics() : null;
}

/**
 * Imports records (upsert by id), then makes them searchable: embeddings for episodes and patterns, and the
 * procedure prior for successful episodes (idempotent per episode).
 */
export async function importRecords(
  scope: MemoryScope,
  records: readonly ExportRecord[],
): Promise<ImportSummary> {
  const { storage } = scope.runtime;
  const summary = await storage.importRecords(records);
  await indexRecords(scope.runtime, records);
  for (const record of records) {
    if (record.type !== 'episode') continue;
    const episode = record.record;
    const outcome = episode.outcome?.type;
    if (outcome !== 'success' && outcome !== 'partial_success') continue;
    const tools = [...new Set(episode.steps.filter((step) => !isFailedStep(step)).map((step) => step.tool))];
    const terms = distinctSearchTerms(episode.taskDescription);
    if (tools.length > 0 && terms.length > 0) {
      await storage.observeProcedure(episode.namespace, { episodeId: episode.id, terms, tools });
    }
  }
  return summary;
}

const EMBED_BATCH = 64;

/** Embeds the episodes and patterns among `records` in batches. */
async function indexRecords(runtime: MemoryRuntime, records: Iterable<ExportRecord>): Promise<number> {
  const { embeddings, storage } = runtime;
  if (!embeddings) return 0;
  let indexed = 0;
  let batch: Array<{ namespace: string; target: 'episode' | 'pattern'; id: string; text: string }> = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const vectors = await embeddings.embed(batch.map((item) => item.text));
    for (const [index, item] of batch.entries()) {
      const vector = vectors[index];
      if (vector) await storage.saveEmbedding(item.namespace, item.target, item.id, vector);
    }
    indexed += batch.length;
    batch = [];
  };
  for (const record of records) {
    if (record.type === 'episode') {
      const episode = record.record;
      batch.push({
        namespace: episode.namespace,
        target: 'episode',
        id: episode.id,
        text: episodeEmbeddingText(episode),
      });
    } else if (record.type === 'pattern' && isRecurring(record.record)) {
      const pattern = record.record;
      batch.push({
        namespace: pattern.namespace,
        target: 'pattern',
        id: pattern.id,
        text: patternEmbeddingText(pattern),
      });
    }
    if (batch.length >= EMBED_BATCH) await flush();
  }
  await flush();
  return indexed;
}

/**
 * Re-embeds every episode and pattern of every namespace with the current provider, streaming the store,
 * then records the provider as the store's vector space.
 */
export async function reindex(
  runtime: MemoryRuntime,
  onProgress?: (done: number) => void,
): Promise<ReindexReport> {
  const { embeddings, storage } = runtime;
  const report: ReindexReport = {
    episodes: 0,
    patterns: 0,
    provider: embeddings?.id ?? 'none',
    dimensions: embeddings?.dimensions ?? 0,
  };
  if (!embeddings) {
    // Nothing to embed, but the store must now be bound to "no provider", or opening it keeps failing.
    await recordEmbeddingSpace(runtime);
    return report;
  }
  let chunk: ExportRecord[] = [];
  for await (const record of storage.exportRecords({ namespace: null })) {
    if (record.type === 'episode') report.episodes++;
    else if (record.type === 'pattern' && isRecurring(record.record)) report.patterns++;
    else continue;
    chunk.push(record);
    if (chunk.length >= EMBED_BATCH * 4) {
      await indexRecords(runtime, chunk);
      chunk = [];
      onProgress?.(report.episodes + report.patterns);
    }
  }
  await indexRecords(runtime, chunk);
  onProgress?.(report.episodes + report.patterns);
  await recordEmbeddingSpace(runtime);
  return report;
}

export const EMBEDDING_PROVIDER_META = 'embedding.provider';
export const EMBEDDING_DIMENSIONS_META = 'embedding.dimensions';

export async function recordEmbeddingSpace(runtime: MemoryRuntime): Promise<void> {
  const { embeddings, storage } = runtime;
  await storage.setMeta(EMBEDDING_PROVIDER_META, embeddings?.id ?? 'none');
  await storage.setMeta(EMBEDDING_DIMENSIONS_META, String(embeddings?.dimensions ?? 0));
}
