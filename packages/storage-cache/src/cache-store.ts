/**
 * Proof that a fill is based on a durable read that started after the entry's last invalidation. Taken with
 * the lookup, before the durable read; a fill whose marker no longer matches is refused, so a slow reader can
 * never put back an episode that a writer has changed in the meantime.
 */
export interface FillTicket {
  /** The invalidation marker seen at lookup (`null`: none). */
  readonly marker: string | null;
  /** When the lookup happened (ms); fills from reads older than half the marker lifetime are refused. */
  readonly takenAt: number;
}

export interface CacheLookup {
  id: string;
  /** The cached entry (see `cache-entry.ts`), or `null` on a miss. */
  entry: string | null;
  ticket: FillTicket;
}

export interface CacheFill {
  id: string;
  entry: string;
  ticket: FillTicket;
}

export interface FillResult {
  stored: number;
  /** Live entries removed to keep the namespace within its bound. */
  evicted: number;
}

export interface CacheUsage {
  items: number;
  bytes: number;
}

/**
 * Where cached episodes live: Redis or the process's memory. Both keep at most `maxEpisodes` per namespace (LRU
 * by last access), expire entries after the TTL, and refuse fills invalidated since their ticket. Every method
 * may reject (Redis down or slow); the decorator turns that into a bypass to the durable store.
 */
export interface CacheStore {
  readonly backend: 'redis' | 'in-process';
  /** Looks entries up; `touch` marks hits as just used (maintenance reads do not). */
  /** `maintenance`: a batch operation (sync, regenerate), allowed the longer maintenance timeout. */
  lookup(
    namespace: string,
    ids: readonly string[],
    touch: boolean,
    maintenance?: boolean,
  ): Promise<CacheLookup[]>;
  /** Stores entries whose ticket is still valid, then evicts beyond the bound. `keepRank`: keep LRU positions. */
  fill(
    namespace: string,
    fills: readonly CacheFill[],
    keepRank?: boolean,
    maintenance?: boolean,
  ): Promise<FillResult>;
  /** Removes entries and leaves markers so that fills from reads started earlier are refused. */
  invalidate(namespace: string, ids: readonly string[]): Promise<void>;
  /** Ids of the namespace's live entries. */
  cachedIds(namespace: string): Promise<string[]>;
  /** Namespaces that may have entries. */
  namespaces(): Promise<string[]>;
  /** Drops every entry of the namespace (markers stay); returns how many entries were dropped. */
  dropNamespace(namespace: string): Promise<number>;
  usage(): Promise<CacheUsage>;
  /** A real round trip. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * How long an invalidation marker lives. A fill is refused when its read started more than half of this ago,
 * so a marker always outlives every read it must refuse (no ABA when a marker expires mid-read).
 */
export const MARKER_TTL_MS = 120_000;

export function ticketExpired(ticket: FillTicket, now: number): boolean {
  return now - ticket.takenAt > MARKER_TTL_MS / 2;
}
