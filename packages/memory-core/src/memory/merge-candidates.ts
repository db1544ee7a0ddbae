import type { Pattern, PatternType } from '../domain/pattern.js';

/** How long a listing of near-duplicate candidates is reused. */
export const MERGE_CANDIDATES_TTL_MS = 1_000;
/** The most established patterns of a group: where a variant is worth folding in. */
export const MERGE_CANDIDATES_PER_GROUP = 25;
/** Groups (namespace, type, domain) kept at most; the least recently loaded go first. */
export const MAX_MERGE_GROUPS = 256;

export interface MergeGroup {
  namespace: string;
  type: PatternType;
  /** '' for patterns without a domain. */
  domain: string;
}

interface Entry {
  patterns: Pattern[];
  loadedAtMs: number;
}

/**
 * The most established patterns of each (namespace, type, domain) — the candidates a new contribution may be
 * a near-duplicate of — reused for up to a second instead of listed on every completion (on a file database
 * the listings were a quarter of a completion). This process's own merges are applied to the cached lists at
 * once, so its completions see each other; another process's new patterns show up within the second. Staleness
 * can only cost a merge (a variant stored as its own pattern), never a count: merging by similarity key
 * happens in the store.
 */
export class MergeCandidates {
  private readonly groups = new Map<string, Entry>();

  constructor(
    private readonly now: () => number,
    private readonly ttlMs = MERGE_CANDIDATES_TTL_MS,
  ) {}

  async get(group: MergeGroup, load: () => Promise<Pattern[]>): Promise<Pattern[]> {
    const key = groupKey(group);
    const cached = this.groups.get(key);
    if (cached && this.now() - cached.loadedAtMs < this.ttlMs) return cached.patterns;
    const loadedAtMs = this.now();
    const patterns = await load();
    this.groups.delete(key);
    if (this.groups.size >= MAX_MERGE_GROUPS) this.groups.delete(this.groups.keys().next().value as string);
    this.groups.set(key, { patterns, loadedAtMs });
    return patterns;
  }

  /**
   * Folds patterns this process just stored into the cached lists they belong to (their domain's and the
   * unfiltered one), in the store's order.
   */
  remember(stored: readonly Pattern[]): void {
    for (const pattern of stored) {
      const domains = new Set(['', pattern.context?.domain ?? '']);
      for (const domain of domains) {
        const entry = this.groups.get(groupKey({ namespace: pattern.namespace, type: pattern.type, domain }));
        if (!entry) continue;
        const others = entry.patterns.filter((cached) => cached.similarityKey !== pattern.similarityKey);
        entry.patterns = [...others, pattern].sort(byEstablishment).slice(0, MERGE_CANDIDATES_PER_GROUP);
      }
    }
  }
}

/** The store's listing order: most occurrences first, then id. */
function byEstablishment(left: Pattern, right: Pattern): number {
  const occurrences = right.stats.occurrences - left.stats.occurrences;
  if (occurrences !== 0) return occurrences;
  return left.id < right.id ? -1 : left.id > right.id ? 1 : 0;
}

function groupKey(group: MergeGroup): string {
  return `${group.namespace}\u0000${group.type}\u0000${group.domain}`;
}
