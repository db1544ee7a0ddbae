import type { Episode } from '@slm/memory-core';

/** What a cache entry holds: the episode and its version, as JSON (a copy on every read). */
interface StoredEntry {
  v: number;
  e: Episode;
}

export function encodeEntry(episode: Episode): string {
  const stored: StoredEntry = { v: episode.version, e: episode };
  return JSON.stringify(stored);
}

/** The cached episode, or `null` for an entry that is unreadable or belongs elsewhere (treated as a miss). */
export function decodeEntry(entry: string, namespace: string, id: string): Episode | null {
  try {
    const stored = JSON.parse(entry) as Partial<StoredEntry>;
    const episode = stored.e;
    if (!episode || episode.id !== id || episode.namespace !== namespace) return null;
    if (stored.v !== episode.version) return null;
    return episode;
  } catch {
    return null;
  }
}
