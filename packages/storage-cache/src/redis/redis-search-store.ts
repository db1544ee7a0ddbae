import type { CacheKeys } from '../cache-keys.js';
import type { CacheUsage } from '../cache-store.js';
import type { SearchFillResult, SearchLookup, SearchStore } from '../search/search-store.js';
import { type RedisCommandClient, RedisCommands } from './redis-commands.js';
import {
  BUMP_GENERATION_SCRIPT,
  SEARCH_FILL_SCRIPT,
  SEARCH_LOOKUP_SCRIPT,
  SEARCH_USAGE_SCRIPT,
} from './search-scripts.js';

export interface RedisSearchStoreOptions {
  /** The client of the episode store (shared; closed by that store when it owns it). */
  client: RedisCommandClient;
  firstConnection?: Promise<void>;
  keys: CacheKeys;
  maxSearches: number;
  ttlMs: number;
  operationTimeoutMs: number;
  maintenanceTimeoutMs: number;
}

/**
 * Search results in Redis: a generation counter per namespace (`…:{namespace}:generation`), one string key per
 * result (`…:search:{generation}:{fingerprint}`, with a TTL) and a sorted set of entries by expiry time that
 * bounds the namespace (oldest fills evicted first) and drops expired entries from the index. A lookup, a fill
 * and a bump are one script call each.
 */
export class RedisSearchStore implements SearchStore {
  readonly #commands: RedisCommands;
  readonly #options: RedisSearchStoreOptions;

  constructor(options: RedisSearchStoreOptions) {
    this.#options = options;
    this.#commands = new RedisCommands(options.client, options.firstConnection);
  }

  async lookup(namespace: string, fingerprint: string): Promise<SearchLookup> {
    const { keys, operationTimeoutMs } = this.#options;
    const [generation, entry] = await this.#commands.evaluate<[string, string | null]>(
      SEARCH_LOOKUP_SCRIPT,
      [keys.generation(namespace)],
      [keys.search(namespace, ''), fingerprint],
      operationTimeoutMs,
    );
    return { generation: String(generation), entry: entry ?? null };
  }

  async fill(
    namespace: string,
    generation: string,
    fingerprint: string,
    entry: string,
  ): Promise<SearchFillResult> {
    const { keys, ttlMs, maxSearches, operationTimeoutMs } = this.#options;
    const [stored, evicted] = await this.#commands.evaluate<[number, number]>(
      SEARCH_FILL_SCRIPT,
      [keys.generation(namespace), keys.searches(namespace), keys.namespaces()],
      [
        generation,
        keys.search(namespace, ''),
        fingerprint,
        entry,
        String(ttlMs),
        String(maxSearches),
        namespace,
      ],
      operationTimeoutMs,
    );
    return { stored: stored === 1, evicted };
  }

  async bump(namespace: string): Promise<void> {
    await this.#commands.evaluate(
      BUMP_GENERATION_SCRIPT,
      [this.#options.keys.generation(namespace)],
      [],
      this.#options.operationTimeoutMs,
    );
  }

  /** The namespaces set the episode store keeps too (a fill adds its namespace). */
  async namespaces(): Promise<string[]> {
    const { keys, maintenanceTimeoutMs } = this.#options;
    return this.#commands.send<string[]>(['SMEMBERS', keys.namespaces()], maintenanceTimeoutMs);
  }

  async usage(): Promise<CacheUsage> {
    const { keys, maintenanceTimeoutMs } = this.#options;
    let items = 0;
    let bytes = 0;
    for (const namespace of await this.namespaces()) {
      const [count, size] = await this.#commands.evaluate<[number, number]>(
        SEARCH_USAGE_SCRIPT,
        [keys.searches(namespace)],
        [keys.search(namespace, '')],
        maintenanceTimeoutMs,
      );
      items += count;
      bytes += size;
    }
    return { items, bytes };
  }

  /** The client belongs to the episode store, which closes it. */
  async close(): Promise<void> {}
}
