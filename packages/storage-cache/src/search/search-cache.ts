import type { ScoredId } from '@slm/memory-core';
import type { CacheGuard } from '../cache-guard.js';
import type { PendingBumps } from './pending-bumps.js';
import { decodeSearchEntry, encodeSearchEntry } from './search-entry.js';
import { isCacheable, type SearchRequest, searchFingerprint } from './search-request.js';
import type { SearchLookup, SearchStore } from './search-store.js';

export interface SearchCounters {
  hits: number;
  misses: number;
  evictions: number;
}

/**
 * Read-through for candidate searches. The lookup returns the namespace's generation with the entry; on a miss
 * the durable result is filled under that generation, read before the durable search, so a result computed
 * before a write can only land under a generation the write has already left behind. Writes bump the
 * generation after the durable write. Any cache failure means "search the durable store"; a bump that failed
 * stays pending and the namespace's cached searches are not used until it has been replayed.
 */
export class SearchCache {
  readonly counters: SearchCounters = { hits: 0, misses: 0, evictions: 0 };

  constructor(
    readonly store: SearchStore,
    readonly guard: CacheGuard,
    readonly pending: PendingBumps,
  ) {}

  async search(request: SearchRequest, durableSearch: () => Promise<ScoredId[]>): Promise<ScoredId[]> {
    if (!isCacheable(request)) return durableSearch();
    const { namespace } = request;
    const fingerprint = searchFingerprint(request);
    const lookup = await this.#lookup(namespace, fingerprint);
    if (!lookup) return durableSearch();
    const cached = lookup.entry === null ? null : decodeSearchEntry(lookup.entry);
    if (cached) {
      this.counters.hits += 1;
      return cached;
    }
    this.counters.misses += 1;
    const hits = await durableSearch();
    const entry = encodeSearchEntry(hits);
    if (entry !== null) {
      const filled = await this.guard.run('fill', () =>
        this.store.fill(namespace, lookup.generation, fingerprint, entry),
      );
      if (filled.ok) this.counters.evictions += filled.value.evicted;
    }
    return hits;
  }

  /** Call after the durable write (also when it failed: it may have committed). Never throws. */
  async bump(namespace: string): Promise<void> {
    const outcome = await this.guard.run('bump', () => this.store.bump(namespace));
    if (!outcome.ok) this.pending.add(namespace);
  }

  /** Replays pending bumps; true when none remain. */
  async flushPending(force = false): Promise<boolean> {
    if (this.pending.size === 0) return true;
    const outcome = await this.guard.run('bump', () => this.pending.flush(this.store), force);
    return outcome.ok;
  }

  /** `null`: do not use the cache for this search now. */
  async #lookup(namespace: string, fingerprint: string): Promise<SearchLookup | null> {
    await this.flushPending();
    if (this.pending.has(namespace)) return null;
    const outcome = await this.guard.run('lookup', () => this.store.lookup(namespace, fingerprint));
    return outcome.ok ? outcome.value : null;
  }
}
