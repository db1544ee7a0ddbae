import {
  type CacheHealth,
  type CacheRegenerateReport,
  type CacheStatistics,
  type CacheSyncReport,
  type Episode,
  MemoryError,
} from '@slm/memory-core';
import { encodeEntry } from './cache-entry.js';
import type { GuardOutcome } from './cache-guard.js';
import type { CacheFill } from './cache-store.js';
import { type EpisodeCache, fillOf } from './episode-cache.js';
import type { SearchCache } from './search/search-cache.js';

const BATCH = 500;
const LIST_PAGE = 100;

/**
 * Reconciles cached entries with the durable store: refresh entries that differ, drop entries that are gone.
 * Searches cannot be compared cheaply, so each synced namespace moves to a new search generation instead (the
 * changes behind the cache that sync is for may have changed search results too).
 */
export async function syncMemories(
  cache: EpisodeCache,
  searches: SearchCache,
  namespace?: string,
): Promise<CacheSyncReport> {
  const report: CacheSyncReport = { checked: 0, refreshed: 0, dropped: 0 };
  await required(cache, 'sync', () => cache.pending.flush(cache.store));
  const namespaces =
    namespace === undefined ? await required(cache, 'sync', () => cache.store.namespaces()) : [namespace];
  const searched =
    namespace === undefined ? await required(cache, 'sync', () => searches.store.namespaces()) : [];
  for (const current of new Set([...namespaces, ...searched])) {
    await required(cache, 'sync', () => searches.store.bump(current));
  }
  for (const current of namespaces) {
    const ids = await required(cache, 'sync', () => cache.store.cachedIds(current));
    for (let start = 0; start < ids.length; start += BATCH) {
      await syncBatch(cache, current, ids.slice(start, start + BATCH), report);
    }
  }
  return report;
}

async function syncBatch(
  cache: EpisodeCache,
  namespace: string,
  ids: readonly string[],
  report: CacheSyncReport,
): Promise<void> {
  // Tickets before the durable read, as on a miss: a write racing the sync wins.
  const lookups = await required(cache, 'sync', () => cache.store.lookup(namespace, ids, false, true));
  const cached = lookups.filter((lookup) => lookup.entry !== null);
  if (cached.length === 0) return;
  const durable = await cache.durable.getEpisodes(
    namespace,
    cached.map((lookup) => lookup.id),
  );
  const byId = new Map(durable.map((episode) => [episode.id, episode]));
  const gone: string[] = [];
  const refreshes: CacheFill[] = [];
  for (const lookup of cached) {
    report.checked += 1;
    const episode = byId.get(lookup.id);
    if (!episode) gone.push(lookup.id);
    // The whole entry is compared, not only the version: appended steps do not change the version.
    else if (encodeEntry(episode) !== lookup.entry) refreshes.push(fillOf(episode, lookup));
  }
  if (gone.length > 0) await required(cache, 'sync', () => cache.store.invalidate(namespace, gone));
  const stored = await required(cache, 'sync', () => cache.store.fill(namespace, refreshes, true, true));
  cache.counters.evictions += stored.evicted;
  report.refreshed += stored.stored;
  // A refresh refused because a writer invalidated the entry meanwhile leaves it dropped.
  report.dropped += gone.length + refreshes.length - stored.stored;
}

/**
 * Drops the namespace's entries (SCAN + DEL) and warms its most recent `warm` episodes (at most the bound). Its
 * cached searches do not survive either: the namespace moves to a new search generation.
 */
export async function regenerate(
  cache: EpisodeCache,
  searches: SearchCache,
  namespace: string,
  warm: number,
  maxEpisodes: number,
): Promise<CacheRegenerateReport> {
  await required(cache, 'regenerate', () => cache.pending.flush(cache.store));
  await required(cache, 'regenerate', () => searches.store.bump(namespace));
  const dropped = await required(cache, 'regenerate', () => cache.store.dropNamespace(namespace));
  let remaining = Math.max(0, Math.min(Math.floor(warm), maxEpisodes));
  let warmed = 0;
  let cursor: string | null = null;
  while (remaining > 0) {
    const page = await cache.durable.listEpisodes(
      namespace,
      {},
      { limit: Math.min(LIST_PAGE, remaining), cursor },
    );
    const ids = page.items.map((episode) => episode.id);
    if (ids.length === 0) break;
    warmed += await warmBatch(cache, namespace, ids);
    remaining -= ids.length;
    cursor = page.nextCursor;
    if (cursor === null) break;
  }
  return { dropped, warmed };
}

async function warmBatch(cache: EpisodeCache, namespace: string, ids: readonly string[]): Promise<number> {
  // The listing is not reused: tickets must be taken before the read that fills.
  const lookups = await required(cache, 'regenerate', () => cache.store.lookup(namespace, ids, false, true));
  const episodes = new Map<string, Episode>(
    (await cache.durable.getEpisodes(namespace, ids)).map((episode) => [episode.id, episode]),
  );
  const fills = lookups.flatMap((lookup) => {
    const episode = episodes.get(lookup.id);
    return episode ? [fillOf(episode, lookup)] : [];
  });
  const result = await required(cache, 'regenerate', () => cache.store.fill(namespace, fills, false, true));
  cache.counters.evictions += result.evicted;
  return result.stored;
}

export async function cacheStatistics(cache: EpisodeCache): Promise<CacheStatistics> {
  const { hits, misses, evictions } = cache.counters;
  const usage = await cache.guard.run('usage', () => cache.store.usage());
  return {
    backend: cache.store.backend,
    hits,
    misses,
    evictions,
    errors: cache.guard.errors,
    hitRate: hits + misses === 0 ? 0 : hits / (hits + misses),
    items: usage.ok ? usage.value.items : 0,
    bytes: usage.ok ? usage.value.bytes : 0,
  };
}

/** Search counters of this process and the live search entries in the store (zeros when unreachable). */
export interface SearchCacheStatistics {
  hits: number;
  misses: number;
  evictions: number;
  hitRate: number;
  items: number;
  bytes: number;
}

export async function searchCacheStatistics(searches: SearchCache): Promise<SearchCacheStatistics> {
  const { hits, misses, evictions } = searches.counters;
  const usage = await searches.guard.run('usage', () => searches.store.usage());
  return {
    hits,
    misses,
    evictions,
    hitRate: hits + misses === 0 ? 0 : hits / (hits + misses),
    items: usage.ok ? usage.value.items : 0,
    bytes: usage.ok ? usage.value.bytes : 0,
  };
}

/**
 * A real round trip to the cache; a success also replays pending invalidations and generation bumps and ends
 * an outage.
 */
export async function cacheHealth(cache: EpisodeCache, searches: SearchCache): Promise<CacheHealth> {
  const started = performance.now();
  const probe = await cache.guard.run('ping', () => cache.store.ping(), true);
  const latencyMs = performance.now() - started;
  if (probe.ok) {
    await cache.flushPending(true);
    await searches.flushPending(true);
  }
  const pending = cache.pending.size + searches.pending.size;
  const degraded = !probe.ok || cache.guard.degraded || pending > 0;
  if (!degraded) return { ok: true, state: 'ok', latencyMs };
  return {
    ok: false,
    state: 'degraded',
    latencyMs,
    error:
      cache.guard.lastError ??
      `${cache.pending.size} invalidations and ${searches.pending.size} search generation bumps waiting for the cache`,
  };
}

/** Maintenance is asked for explicitly, so a cache failure is reported (CACHE_FAILED), not hidden. */
async function required<T>(cache: EpisodeCache, operation: string, call: () => Promise<T>): Promise<T> {
  let failure: unknown;
  const outcome: GuardOutcome<T> = await cache.guard.run(
    operation,
    () =>
      call().catch((error: unknown) => {
        failure = error;
        throw error;
      }),
    true,
  );
  if (outcome.ok) return outcome.value;
  throw new MemoryError('CACHE_FAILED', `cache ${operation} failed: ${describe(failure)}`, {
    cause: failure,
    details: { operation },
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
