import {
  type CacheFill,
  type CacheLookup,
  type CacheStore,
  type CacheUsage,
  type FillResult,
  MARKER_TTL_MS,
  ticketExpired,
} from '../cache-store.js';

export interface InProcessCacheStoreOptions {
  maxEpisodes: number;
  ttlMs: number;
  /** Clock in ms; injectable so tests can expire entries without waiting. */
  now?: () => number;
}

interface Item {
  entry: string;
  bytes: number;
  expiresAt: number;
}

interface Marker {
  value: string;
  expiresAt: number;
}

/**
 * The cache when no Redis is configured: per-namespace Maps whose insertion order is the LRU order (a hit
 * moves the entry to the end). Same bound, TTL and fill tickets as the Redis store; never fails.
 */
export class InProcessCacheStore implements CacheStore {
  readonly backend = 'in-process' as const;
  readonly #maxEpisodes: number;
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly #items = new Map<string, Map<string, Item>>();
  // Insertion order is expiry order (markers are re-inserted when renewed), so pruning stops at the first live one.
  readonly #markers = new Map<string, Marker>();
  #markerSequence = 0;

  constructor(options: InProcessCacheStoreOptions) {
    this.#maxEpisodes = options.maxEpisodes;
    this.#ttlMs = options.ttlMs;
    this.#now = options.now ?? Date.now;
  }

  async lookup(namespace: string, ids: readonly string[], touch: boolean): Promise<CacheLookup[]> {
    const now = this.#now();
    const items = this.#items.get(namespace);
    return ids.map((id) => {
      let item = items?.get(id);
      if (item && item.expiresAt <= now) {
        items?.delete(id);
        item = undefined;
      }
      if (item && touch) {
        items?.delete(id);
        items?.set(id, item);
      }
      return {
        id,
        entry: item?.entry ?? null,
        ticket: { marker: this.#marker(namespace, id, now), takenAt: now },
      };
    });
  }

  async fill(namespace: string, fills: readonly CacheFill[], keepRank = false): Promise<FillResult> {
    const now = this.#now();
    let items = this.#items.get(namespace);
    if (!items) {
      items = new Map();
      this.#items.set(namespace, items);
    }
    let stored = 0;
    for (const fill of fills) {
      if (ticketExpired(fill.ticket, now)) continue;
      if (this.#marker(namespace, fill.id, now) !== fill.ticket.marker) continue;
      const item = { entry: fill.entry, bytes: Buffer.byteLength(fill.entry), expiresAt: now + this.#ttlMs };
      if (!(keepRank && items.has(fill.id))) items.delete(fill.id);
      items.set(fill.id, item);
      stored += 1;
    }
    return { stored, evicted: this.#evict(items, now) };
  }

  async invalidate(namespace: string, ids: readonly string[]): Promise<void> {
    const now = this.#now();
    this.#pruneMarkers(now);
    this.#markerSequence += 1;
    const value = String(this.#markerSequence);
    const items = this.#items.get(namespace);
    for (const id of ids) {
      const key = markerKey(namespace, id);
      this.#markers.delete(key);
      this.#markers.set(key, { value, expiresAt: now + MARKER_TTL_MS });
      items?.delete(id);
    }
  }

  async cachedIds(namespace: string): Promise<string[]> {
    const items = this.#items.get(namespace);
    if (!items) return [];
    this.#purgeExpired(items, this.#now());
    return [...items.keys()];
  }

  async namespaces(): Promise<string[]> {
    return [...this.#items.keys()];
  }

  async dropNamespace(namespace: string): Promise<number> {
    const items = this.#items.get(namespace);
    if (!items) return 0;
    this.#purgeExpired(items, this.#now());
    this.#items.delete(namespace);
    return items.size;
  }

  async usage(): Promise<CacheUsage> {
    const now = this.#now();
    let items = 0;
    let bytes = 0;
    for (const namespaceItems of this.#items.values()) {
      this.#purgeExpired(namespaceItems, now);
      items += namespaceItems.size;
      for (const item of namespaceItems.values()) bytes += item.bytes;
    }
    return { items, bytes };
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.#items.clear();
    this.#markers.clear();
  }

  #marker(namespace: string, id: string, now: number): string | null {
    const marker = this.#markers.get(markerKey(namespace, id));
    return marker && marker.expiresAt > now ? marker.value : null;
  }

  #pruneMarkers(now: number): void {
    for (const [key, marker] of this.#markers) {
      if (marker.expiresAt > now) break;
      this.#markers.delete(key);
    }
  }

  /** Removes least recently used entries beyond the bound; expired ones go first and are not evictions. */
  #evict(items: Map<string, Item>, now: number): number {
    if (items.size <= this.#maxEpisodes) return 0;
    this.#purgeExpired(items, now);
    let evicted = 0;
    for (const id of items.keys()) {
      if (items.size <= this.#maxEpisodes) break;
      items.delete(id);
      evicted += 1;
    }
    return evicted;
  }

  #purgeExpired(items: Map<string, Item>, now: number): void {
    for (const [id, item] of items) if (item.expiresAt <= now) items.delete(id);
  }
}

function markerKey(namespace: string, id: string): string {
  return `${namespace}\u0000${id}`;
}
