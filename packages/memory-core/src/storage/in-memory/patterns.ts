import type { Pattern, PatternContribution } from '../../domain/pattern.js';
import { patternSearchText } from '../../text/search-documents.js';
import type { PatternFilter } from '../filters.js';
import { applyPatternUsage, mergePatternContribution } from '../merge.js';
import { type PageRequest, pageSize } from '../page.js';
import type { PatternStore, PatternUsage } from '../pattern-store.js';
import { copy } from './clone.js';
import { conflict } from './failures.js';
import { getMany } from './get-many.js';
import { guarded } from './guard.js';
import { GROUP_LEADERS, PatternGroup } from './pattern-group.js';
import { rankedPage } from './ranked-page.js';
import type { InMemoryState, NamespaceData } from './state.js';

export function createPatternStore(state: InMemoryState): PatternStore {
  return {
    upsertPatterns: guarded(state, 'upsertPatterns', (contributions: readonly PatternContribution[]) => {
      refuseIdCollisions(state, contributions);
      return contributions.map((contribution) => {
        const data = state.namespace(contribution.namespace);
        const existingId = data.patternKeys.get(contribution.similarityKey);
        const existing = existingId === undefined ? undefined : data.patterns.get(existingId);
        const merged = mergePatternContribution(existing, contribution);
        if (merged !== existing) {
          storePattern(data, merged, existing);
          addEvidence(data.patternsByEpisode, contribution.episodeId, merged.id);
        }
        return copy(merged);
      });
    }),

    getPattern: guarded(state, 'getPattern', (namespace: string, id: string) => {
      const pattern = state.peek(namespace)?.patterns.get(id);
      return pattern ? copy(pattern) : null;
    }),

    getPatterns: guarded(state, 'getPatterns', (namespace: string, ids: readonly string[]) =>
      getMany(state.peek(namespace)?.patterns, ids, 'getPatterns'),
    ),

    listPatterns: guarded(
      state,
      'listPatterns',
      (namespace: string, filter: PatternFilter, page?: PageRequest) => {
        const data = state.peek(namespace);
        if (!data) return { items: [], nextCursor: null };
        const leaders = groupLeaders(data, filter, page);
        if (leaders) return leaders;
        return rankedPage(
          candidatePatterns(data, filter),
          (pattern) => pattern.stats.occurrences,
          patternPredicate(filter),
          page,
        );
      },
    ),

    recordPatternUsage: guarded(
      state,
      'recordPatternUsage',
      (namespace: string, usage: readonly PatternUsage[]) => {
        const data = state.peek(namespace);
        if (!data) return;
        for (const entry of usage) {
          const pattern = data.patterns.get(entry.patternId);
          if (pattern) data.patterns.set(pattern.id, applyPatternUsage(pattern, entry));
        }
      },
    ),
  };
}

/** Stores a pattern record and keeps its key and full-text document in step. */
export function storePattern(
  data: NamespaceData,
  pattern: Pattern,
  previous: Pattern | undefined,
  contentChanged = previous === undefined,
): void {
  data.patterns.set(pattern.id, pattern);
  const groupKey = patternGroupKey(pattern.type, pattern.context?.domain ?? '');
  const group = data.patternGroups.get(groupKey) ?? new PatternGroup();
  data.patternGroups.set(groupKey, group);
  group.update(pattern.id, pattern.stats.occurrences);
  if (previous && previous.similarityKey !== pattern.similarityKey)
    data.patternKeys.delete(previous.similarityKey);
  data.patternKeys.set(pattern.similarityKey, pattern.id);
  // Merges never change a pattern's content, so by default its document is written only when it first appears.
  if (contentChanged) data.patternText.set(pattern.id, splitTerms(patternSearchText(pattern)));
}

/** A brand-new pattern's id must not already name another pattern: nothing is written when one would. */
function refuseIdCollisions(state: InMemoryState, contributions: readonly PatternContribution[]): void {
  const creating = new Set<string>();
  for (const contribution of contributions) {
    const data = state.peek(contribution.namespace);
    const scopedKey = `${contribution.namespace}\u0000${contribution.similarityKey}`;
    if (data?.patternKeys.has(contribution.similarityKey) || creating.has(scopedKey)) continue;
    if (data?.patterns.has(contribution.newId)) {
      throw conflict(`pattern id ${contribution.newId} is already taken`, { patternId: contribution.newId });
    }
    creating.add(scopedKey);
  }
}

function patternGroupKey(type: string, domain: string): string {
  return `${type}\u0000${domain}`;
}

/**
 * The first page of a listing by groups, read from the groups' ranked leaders instead of a scan, when that is
 * exact: the filter names types and domains and the page fits within the leaders. (A leader failing
 * `minOccurrences` means every pattern ranked below it fails too.)
 */
function groupLeaders(data: NamespaceData, filter: PatternFilter, page: PageRequest | undefined) {
  const types = filter.types && filter.types.length > 0 ? filter.types : undefined;
  const domains = filter.domains && filter.domains.length > 0 ? filter.domains : undefined;
  if (!types || !domains || page?.cursor || pageSize(page) >= GROUP_LEADERS) return undefined;
  const occurrences = (id: string) => data.patterns.get(id)?.stats.occurrences;
  const leaders: Pattern[] = [];
  for (const type of new Set(types)) {
    for (const domain of new Set(domains)) {
      for (const { id } of data.patternGroups.get(patternGroupKey(type, domain))?.top(occurrences) ?? []) {
        const pattern = data.patterns.get(id);
        if (pattern) leaders.push(pattern);
      }
    }
  }
  return rankedPage(leaders, (pattern) => pattern.stats.occurrences, patternPredicate(filter), page);
}

/** The patterns a filter can match: the type × domain groups it names, or every pattern. */
function* candidatePatterns(data: NamespaceData, filter: PatternFilter): Iterable<Pattern> {
  const types = filter.types && filter.types.length > 0 ? filter.types : undefined;
  const domains = filter.domains && filter.domains.length > 0 ? filter.domains : undefined;
  if (!types || !domains) {
    yield* data.patterns.values();
    return;
  }
  for (const type of new Set(types)) {
    for (const domain of new Set(domains)) {
      for (const id of data.patternGroups.get(patternGroupKey(type, domain))?.ids ?? []) {
        const pattern = data.patterns.get(id);
        if (pattern) yield pattern;
      }
    }
  }
}

export function patternPredicate(filter: PatternFilter): (pattern: Pattern) => boolean {
  const types = filter.types && filter.types.length > 0 ? filter.types : undefined;
  const domains = filter.domains && filter.domains.length > 0 ? filter.domains : undefined;
  return (pattern) =>
    (!types || types.includes(pattern.type)) &&
    (!domains || (pattern.context !== undefined && domains.includes(pattern.context.domain))) &&
    (filter.minOccurrences === undefined || pattern.stats.occurrences >= filter.minOccurrences);
}

export function addEvidence(index: Map<string, Set<string>>, episodeId: string, recordId: string): void {
  let ids = index.get(episodeId);
  if (!ids) {
    ids = new Set();
    index.set(episodeId, ids);
  }
  ids.add(recordId);
}

function splitTerms(text: string): string[] {
  return text.length === 0 ? [] : text.split(' ');
}
