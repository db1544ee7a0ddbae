import { randomUUID } from 'node:crypto';
import type { CacheKeys } from '../cache-keys.js';
import {
  type CacheFill,
  type CacheLookup,
  type CacheStore,
  type CacheUsage,
  type FillResult,
  MARKER_TTL_MS,
  ticketExpired,
} from '../cache-store.js';
import { escapeGlob } from './glob.js';
import { FILL_SCRIPT, INVALIDATE_SCRIPT, LOOKUP_SCRIPT, USAGE_SCRIPT } from './lua-scripts.js';
import { type RedisCommandClient, RedisCommands } from './redis-commands.js';

export interface RedisCacheStoreOptions {
  client: RedisCommandClient;
  /** The client's first connection, awaited (within the timeout) by calls made before it is up. */
  firstConnection?: Promise<void>;
  keys: CacheKeys;
  maxEpisodes: number;
  ttlMs: number;
  /** Bound on every hot-path call (lookup, fill, invalidate). */
  operationTimeoutMs: number;
  /** Bound on maintenance calls (SCAN, usage), which touch a whole namespace. */
  maintenanceTimeoutMs: number;
  /** Called by `close()` when the store owns the client. */
  release?: () => Promise<void>;
}

/**
 * Cached episodes in Redis: one string key per episode (with a TTL), a sorted set of last access per namespace
 * for the LRU bound, a sorted set of expiry times so expired entries leave the index, and short-lived
 * invalidation markers that refuse stale fills. Every call carries a timeout.
 */
export class RedisCacheStore implements CacheStore {
  readonly backend = 'redis' as const;
  readonly #commands: RedisCommands;
  readonly #options: RedisCacheStoreOptions;

  constructor(options: RedisCacheStoreOptions) {
    this.#options = options;
    this.#commands = new RedisCommands(options.client, options.firstConnection);
  }

  async lookup(
    namespace: string,
    ids: readonly string[],
    touch: boolean,
    maintenance = false,
  ): Promise<CacheLookup[]> {
    if (ids.length === 0) return [];
    const { keys } = this.#options;
    const now = Date.now();
    const scriptKeys = [keys.recency(namespace), keys.clock(namespace)];
    for (const id of ids) scriptKeys.push(keys.episode(namespace, id), keys.invalidated(namespace, id));
    const reply = await this.#commands.evaluate<(string | null)[]>(
      LOOKUP_SCRIPT,
      scriptKeys,
      [touch ? '1' : '0', ...ids],
      this.#timeout(maintenance),
    );
    return ids.map((id, index) => ({
      id,
      entry: reply[2 * index] ?? null,
      ticket: { marker: reply[2 * index + 1] ?? null, takenAt: now },
    }));
  }

  async fill(
    namespace: string,
    fills: readonly CacheFill[],
    keepRank = false,
    maintenance = false,
  ): Promise<FillResult> {
    const now = Date.now();
    const valid = fills.filter((fill) => !ticketExpired(fill.ticket, now));
    if (valid.length === 0) return { stored: 0, evicted: 0 };
    const { keys, ttlMs, maxEpisodes } = this.#options;
    const scriptKeys = [
      keys.recency(namespace),
      keys.expiry(namespace),
      keys.namespaces(),
      keys.clock(namespace),
    ];
    const args = [
      String(now),
      String(ttlMs),
      String(maxEpisodes),
      keepRank ? '1' : '0',
      keys.episode(namespace, ''),
      namespace,
    ];
    for (const fill of valid) {
      scriptKeys.push(keys.episode(namespace, fill.id), keys.invalidated(namespace, fill.id));
      args.push(fill.id, fill.entry, fill.ticket.marker ?? '');
    }
    const [stored, evicted] = await this.#commands.evaluate<[number, number]>(
      FILL_SCRIPT,
      scriptKeys,
      args,
      this.#timeout(maintenance),
    );
    return { stored, evicted };
  }

  #timeout(maintenance: boolean): number {
    return maintenance ? this.#options.maintenanceTimeoutMs : this.#options.operationTimeoutMs;
  }

  async invalidate(namespace: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const { keys } = this.#options;
    const scriptKeys = [keys.recency(namespace), keys.expiry(namespace)];
    for (const id of ids) scriptKeys.push(keys.episode(namespace, id), keys.invalidated(namespace, id));
    // A fresh random marker per write: unique even across Redis restarts, so no marker value ever repeats.
    await this.#commands.evaluate(
      INVALIDATE_SCRIPT,
      scriptKeys,
      [String(MARKER_TTL_MS), randomUUID(), ...ids],
      this.#options.operationTimeoutMs,
    );
  }

  async cachedIds(namespace: string): Promise<string[]> {
    return this.#commands.send<string[]>(
      ['ZRANGEBYSCORE', this.#options.keys.expiry(namespace), `(${Date.now()}`, '+inf'],
      this.#options.maintenanceTimeoutMs,
    );
  }

  async namespaces(): Promise<string[]> {
    return this.#commands.send<string[]>(
      ['SMEMBERS', this.#options.keys.namespaces()],
      this.#options.maintenanceTimeoutMs,
    );
  }

  /**
   * SCAN + DEL over the namespace's keys (never FLUSHDB), search entries included; invalidation markers stay
   * until they expire, and the search generation stays (it only ever moves forward; see search-scripts.ts).
   */
  async dropNamespace(namespace: string): Promise<number> {
    const { keys, maintenanceTimeoutMs } = this.#options;
    const prefix = keys.namespacePrefix(namespace);
    const episodePrefix = keys.episode(namespace, '');
    const markerPrefix = keys.invalidated(namespace, '');
    const generation = keys.generation(namespace);
    let cursor = '0';
    let dropped = 0;
    do {
      const [next, found] = await this.#commands.send<[string, string[]]>(
        ['SCAN', cursor, 'MATCH', `${escapeGlob(prefix)}*`, 'COUNT', '500'],
        maintenanceTimeoutMs,
      );
      cursor = next;
      const entries = found.filter((key) => key.startsWith(episodePrefix));
      const indexes = found.filter(
        (key) => !key.startsWith(episodePrefix) && !key.startsWith(markerPrefix) && key !== generation,
      );
      if (entries.length > 0)
        dropped += await this.#commands.send<number>(['DEL', ...entries], maintenanceTimeoutMs);
      if (indexes.length > 0) await this.#commands.send(['DEL', ...indexes], maintenanceTimeoutMs);
    } while (cursor !== '0');
    await this.#commands.send(['SREM', keys.namespaces(), namespace], maintenanceTimeoutMs);
    return dropped;
  }

  async usage(): Promise<CacheUsage> {
    const { keys } = this.#options;
    let items = 0;
    let bytes = 0;
    for (const namespace of await this.namespaces()) {
      const [count, size] = await this.#commands.evaluate<[number, number]>(
        USAGE_SCRIPT,
        [keys.recency(namespace), keys.expiry(namespace)],
        [String(Date.now()), keys.episode(namespace, '')],
        this.#options.maintenanceTimeoutMs,
      );
      items += count;
      bytes += size;
    }
    return { items, bytes };
  }

  async ping(): Promise<void> {
    await this.#commands.send(['PING'], this.#options.operationTimeoutMs);
  }

  async close(): Promise<void> {
    await this.#options.release?.();
  }
}
