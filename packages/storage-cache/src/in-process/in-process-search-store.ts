import type { CacheUsage } from '../cache-store.js';
import type { SearchFillResult, SearchLookup, SearchStore } from '../search/search-store.js';

export interface InProcessSearchStoreOptions {
  /** Most search entries kept per namespace; the oldest fills go first. */
  maxSearches: number;
  ttlMs: number;
  /** Clock in ms; injectable so tests can expire entries without waiting. */
  now?: () => number;
}

interface Item {
  entry: string;
  bytes: number;
  expiresAt: number;
}

/**
 * Search results when no Redis is configured: a generation number per namespace and, per namespace, a Map of
 * entries keyed by `{generation}:{fingerprint}` in fill order. A bump frees the namespace's entries at once (no
 * one can read them any more); a fill from a lookup of an earlier generation is refused. Never fails.
 */
export class InProcessSearchStore implements SearchStore {
  readonly #maxSearches: number;
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly #generations = new Map<string, number>();
  readonly #entries = new Map<string, Map<string, Item>>();

  constructor(options: InProcessSearchStoreOptions) {
    this.#maxSearches = options.maxSearches;
    this.#ttlMs = options.ttlMs;
    this.#now = options.now ?? Date.now;
  }

  async lookup(namespace: string, fingerprint: string): Promise<SearchLookup> {
    const generation = this.#generation(namespace);
    const entries = this.#entries.get(namespace);
    const member = `${generation}:${fingerprint}`;
    const item = entries?.get(member);
    if (!item) return { generation, entry: null };
    if (item.expiresAt <= this.#now()) {
      entries?.delete(member);
      return { generation, entry: null };
    }
    return { generation, entry: item.entry };
  }

  async fill(
    namespace: string,
    generation: string,
    fingerprint: string,
    entry: string,
  ): Promise<SearchFillResult> {
    if (generation !== this.#generation(namespace)) return { stored: false, evicted: 0 };
    let entries = this.#entries.get(namespace);
    if (!entries) {
      entries = new Map();
      this.#entries.set(namespace, entries);
    }
    const now = this.#now();
    const member = `${generation}:${fingerprint}`;
    entries.delete(member);
    entries.set(member, { entry, bytes: Buffer.byteLength(entry), expiresAt: now + this.#ttlMs });
    return { stored: true, evicted: this.#evict(entries, now) };
  }

  async bump(namespace: string): Promise<void> {
    this.#generations.set(namespace, (this.#generations.get(namespace) ?? 0) + 1);
    this.#entries.delete(namespace);
  }

  async namespaces(): Promise<string[]> {
    return [...this.#entries.keys()];
  }

  async usage(): Promise<CacheUsage> {
    const now = this.#now();
    let items = 0;
    let bytes = 0;
    for (const entries of this.#entries.values()) {
      purgeExpired(entries, now);
      items += entries.size;
      for (const item of entries.values()) bytes += item.bytes;
    }
    return { items, bytes };
  }

  async close(): Promise<void> {
    this.#entries.clear();
  }

  #generation(namespace: string): string {
    return String(this.#generations.get(namespace) ?? 0);
  }

  /** Removes the oldest fills beyond the bound; expired ones go first and are not evictions. */
  #evict(entries: Map<string, Item>, now: number): number {
    if (entries.size <= this.#maxSearches) return 0;
    purgeExpired(entries, now);
    let evicted = 0;
    for (const member of entries.keys()) {
      if (entries.size <= this.#maxSearches) break;
      entries.delete(member);
      evicted += 1;
    }
    return evicted;
  }
}

function purgeExpired(entries: Map<string, Item>, now: number): void {
  for (const [member, item] of entries) if (item.expiresAt <= now) entries.delete(member);
}
