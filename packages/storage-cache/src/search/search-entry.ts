import type { ScoredId } from '@slm/memory-core';

/**
 * A cached search result as JSON, `[[id, score], …]` (a fresh copy on every read). A result JSON cannot carry
 * exactly (a score that is NaN, ±Infinity or −0) is not cached, so a hit is always identical to what the durable
 * store returned.
 */
export function encodeSearchEntry(hits: readonly ScoredId[]): string | null {
  if (!hits.every((hit) => Number.isFinite(hit.score) && !Object.is(hit.score, -0))) return null;
  return JSON.stringify(hits.map((hit) => [hit.id, hit.score]));
}

/** The cached hits, or `null` for an unreadable entry (treated as a miss). */
export function decodeSearchEntry(entry: string): ScoredId[] | null {
  try {
    const pairs: unknown = JSON.parse(entry);
    if (!Array.isArray(pairs)) return null;
    const hits: ScoredId[] = [];
    for (const pair of pairs) {
      if (!Array.isArray(pair) || typeof pair[0] !== 'string' || typeof pair[1] !== 'number') return null;
      hits.push({ id: pair[0], score: pair[1] });
    }
    return hits;
  } catch {
    return null;
  }
}
