/**
 * The layout of cached data. Bump it whenever what is stored under a key changes shape: a new format reads and
 * writes new keys only, so entries written by an older format are never read (the seed's "regenerates on
 * mismatch"); the old keys expire by their TTL.
 */
export const CACHE_FORMAT = 1;

/** Builds every key of one cache: `{prefix}:v{format}:{namespace}:…`. */
export interface CacheKeys {
  /** The cached episode: `{prefix}:v{format}:{namespace}:episode:{id}`. */
  episode(namespace: string, id: string): string;
  /** The invalidation marker that refuses fills from reads older than the last write of an episode. */
  invalidated(namespace: string, id: string): string;
  /** Sorted set of episode ids by last access (the LRU order). */
  recency(namespace: string): string;
  /** Counter giving every access a strictly increasing LRU score, across processes (no same-millisecond ties). */
  clock(namespace: string): string;
  /** Sorted set of episode ids by expiry time, so expired entries leave the LRU index too. */
  expiry(namespace: string): string;
  /**
   * The namespace's search generation (a counter): every write that can change a search result moves it on, so
   * search entries of earlier generations are never read again. Never deleted by `dropNamespace`.
   */
  generation(namespace: string): string;
  /** A cached search result: `{prefix}:v{format}:{namespace}:search:{member}`, member `{generation}:{fingerprint}`. */
  search(namespace: string, member: string): string;
  /** Sorted set of the namespace's search entries (`{generation}:{fingerprint}`) by expiry time. */
  searches(namespace: string): string;
  /** Set of namespaces that have (or had) cached entries. */
  namespaces(): string;
  /** Everything of a namespace starts with this. */
  namespacePrefix(namespace: string): string;
}

export function createCacheKeys(prefix: string, format: number = CACHE_FORMAT): CacheKeys {
  const base = `${prefix}:v${format}`;
  const namespacePrefix = (namespace: string) => `${base}:${namespace}:`;
  return {
    episode: (namespace, id) => `${namespacePrefix(namespace)}episode:${id}`,
    invalidated: (namespace, id) => `${namespacePrefix(namespace)}invalidated:${id}`,
    recency: (namespace) => `${namespacePrefix(namespace)}recency`,
    clock: (namespace) => `${namespacePrefix(namespace)}clock`,
    expiry: (namespace) => `${namespacePrefix(namespace)}expiry`,
    generation: (namespace) => `${namespacePrefix(namespace)}generation`,
    search: (namespace, member) => `${namespacePrefix(namespace)}search:${member}`,
    searches: (namespace) => `${namespacePrefix(namespace)}searches`,
    namespaces: () => `${base}:namespaces`,
    namespacePrefix,
  };
}
