import type { CacheUsage } from '../cache-store.js';

/**
 * Search entries live at most this long (or the cache's TTL if shorter). Short, because corpus statistics that
 * no write of the namespace moves (BM25 over documents of other namespaces) can still shift scores: see README.
 */
export const MAX_SEARCH_TTL_MS = 300_000;

export interface SearchLookup {
  /** The namespace's generation when the lookup ran; a fill from this lookup is stored under it. */
  generation: string;
  /** The entry stored for this search under that generation, or `null`. */
  entry: string | null;
}

export interface SearchFillResult {
  /** False when the generation had moved on: the result may predate a write, so it is dropped. */
  stored: boolean;
  /** Live entries removed to keep the namespace within its bound. */
  evicted: number;
}

/**
 * Where cached search results live, per namespace under a generation counter that every search-changing write
 * moves on (`bump`). A reader takes the generation with its lookup, before the durable search, and fills under
 * it: a result computed before a write is stored, if at all, under a generation nobody reads any more. Entries
 * expire after the TTL and at most `maxSearches` are kept per namespace (oldest fill first). Every method may
 * reject (Redis down or slow); the decorator then uses the durable store.
 */
export interface SearchStore {
  /** The current generation and the entry for `fingerprint` under it, in one round trip. */
  lookup(namespace: string, fingerprint: string): Promise<SearchLookup>;
  /** Stores an entry under the generation of its lookup, if that is still the current one. */
  fill(namespace: string, generation: string, fingerprint: string, entry: string): Promise<SearchFillResult>;
  /** Moves the namespace to a new generation that was never used before. */
  bump(namespace: string): Promise<void>;
  /** Namespaces that may have search entries. */
  namespaces(): Promise<string[]>;
  /** Live search entries over all namespaces. */
  usage(): Promise<CacheUsage>;
  close(): Promise<void>;
}
