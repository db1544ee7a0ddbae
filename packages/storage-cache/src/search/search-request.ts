import { createHash } from 'node:crypto';

export type SearchMethod =
  | 'searchEpisodesByText'
  | 'searchEpisodesByVector'
  | 'searchPatternsByText'
  | 'searchPatternsByVector';

/** One candidate search, as the port received it. */
export interface SearchRequest {
  method: SearchMethod;
  namespace: string;
  /** The terms of a text search or the vector of a vector search. */
  query: readonly string[] | Float32Array;
  filter: object;
  limit: number;
}

/** Larger limits go to the durable store uncached, so one entry stays small (retrieval asks for ≤ 1,000). */
export const MAX_CACHED_LIMIT = 1_000;

/** Whether the cache is worth a round trip: the durable store answers the others at once (with `[]`). */
export function isCacheable(request: SearchRequest): boolean {
  const { query, limit } = request;
  if (!(limit > 0 && limit <= MAX_CACHED_LIMIT)) return false;
  return query instanceof Float32Array || query.length > 0;
}

/**
 * SHA-256 (hex) of a canonical encoding of (method, query, filter, limit), so that equal requests share an
 * entry however their filter objects were built: object keys sorted, absent and `undefined` fields alike.
 * Vectors count as their exact bytes (only a bit-identical vector hits). Terms keep their order and repetitions:
 * only requests the durable store is certain to answer identically share an entry (floating-point sums may
 * depend on term order).
 */
export function searchFingerprint(request: SearchRequest): string {
  const { method, query, filter, limit } = request;
  const encodedQuery =
    query instanceof Float32Array
      ? Buffer.from(query.buffer, query.byteOffset, query.byteLength).toString('base64')
      : query;
  return createHash('sha256')
    .update(canonicalJson([method, encodedQuery, filter, limit]))
    .digest('hex');
}

/** JSON with the keys of every object sorted. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    const record = item as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, record[key]]),
    );
  });
}
