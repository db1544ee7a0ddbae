import type { Episode, StorageBackend } from '@slm/memory-core';
import { decodeEntry, encodeEntry } from './cache-entry.js';
import type { CacheGuard } from './cache-guard.js';
import type { CacheFill, CacheLookup, CacheStore } from './cache-store.js';
import type { PendingInvalidations } from './pending-invalidations.js';

/** The most ids `getEpisodes` accepts (the port's limit); larger calls go to the durable store unchanged. */
const MAX_IDS = 500;

export interface EpisodeCounters {
  hits: number;
  misses: number;
  evictions: number;
}

/**
 * Read-through and invalidation for episodes. Reads look in the cache and fill it from the durable store on a
 * miss, with a ticket taken before the durable read; writes (after the durable write) invalidate. Any cache
 * failure means "read the durable store"; an invalidation that fails stays pending and the cache is not read
 * until it has been replayed.
 */
export class EpisodeCache {
  readonly counters: EpisodeCounters = { hits: 0, misses: 0, evictions: 0 };

  constructor(
    readonly durable: StorageBackend,
    readonly store: CacheStore,
    readonly guard: CacheGuard,
    readonly pending: PendingInvalidations,
  ) {}

  async getEpisode(namespace: string, id: string): Promise<Episode | null> {
    const lookups = await this.lookup(namespace, [id], true);
    const cached = lookups && this.#hit(namespace, lookups[0]);
    if (cached) return cached;
    const episode = await this.durable.getEpisode(namespace, id);
    if (episode && lookups?.[0]) await this.fill(namespace, [fillOf(episode, lookups[0])]);
    return episode;
  }

  async getEpisodes(namespace: string, ids: readonly string[]): Promise<Episode[]> {
    // Over-long and duplicate lists keep the durable store's exact semantics (validation, repetition).
    if (ids.length === 0 || ids.length > MAX_IDS || new Set(ids).size !== ids.length) {
      return this.durable.getEpisodes(namespace, ids);
    }
    const lookups = await this.lookup(namespace, ids, true);
    if (!lookups) return this.durable.getEpisodes(namespace, ids);
    const found = new Map<string, Episode>();
    const missed: CacheLookup[] = [];
    for (const lookup of lookups) {
      const cached = this.#hit(namespace, lookup);
      if (cached) found.set(lookup.id, cached);
      else missed.push(lookup);
    }
    if (missed.length > 0) {
      const loaded = await this.durable.getEpisodes(
        namespace,
        missed.map((lookup) => lookup.id),
      );
      const byId = new Map(loaded.map((episode) => [episode.id, episode]));
      const fills: CacheFill[] = [];
      for (const lookup of missed) {
        const episode = byId.get(lookup.id);
        if (!episode) continue;
        found.set(lookup.id, episode);
        fills.push(fillOf(episode, lookup));
      }
      await this.fill(namespace, fills);
    }
    return ids.flatMap((id) => {
      const episode = found.get(id);
      return episode ? [episode] : [];
    });
  }

  /** Call after the durable write (also when it failed: it may have committed). Never throws. */
  async invalidate(namespace: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    if (this.pending.size > 0) {
      this.pending.add(namespace, ids);
      await this.flushPending();
      return;
    }
    const outcome = await this.guard.run('invalidate', () => this.store.invalidate(namespace, ids));
    if (!outcome.ok) this.pending.add(namespace, ids);
  }

  /** Looks up through the guard; `null` means "do not use the cache now". */
  async lookup(namespace: string, ids: readonly string[], touch: boolean): Promise<CacheLookup[] | null> {
    if (!(await this.flushPending())) return null;
    const outcome = await this.guard.run('lookup', () => this.store.lookup(namespace, ids, touch));
    return outcome.ok ? outcome.value : null;
  }

  /** Fills through the guard; returns how many entries were stored. */
  async fill(namespace: string, fills: readonly CacheFill[], keepRank = false): Promise<number> {
    if (fills.length === 0) return 0;
    const outcome = await this.guard.run('fill', () => this.store.fill(namespace, fills, keepRank));
    if (!outcome.ok) return 0;
    this.counters.evictions += outcome.value.evicted;
    return outcome.value.stored;
  }

  /** Replays pending invalidations; true when none remain. */
  async flushPending(force = false): Promise<boolean> {
    if (this.pending.size === 0) return true;
    const outcome = await this.guard.run('invalidate', () => this.pending.flush(this.store), force);
    return outcome.ok;
  }

  #hit(namespace: string, lookup: CacheLookup | undefined): Episode | null {
    if (!lookup) return null;
    const episode = lookup.entry === null ? null : decodeEntry(lookup.entry, namespace, lookup.id);
    if (episode) this.counters.hits += 1;
    else this.counters.misses += 1;
    return episode;
  }
}

export function fillOf(episode: Episode, lookup: CacheLookup): CacheFill {
  return { id: episode.id, entry: encodeEntry(episode), ticket: lookup.ticket };
}
