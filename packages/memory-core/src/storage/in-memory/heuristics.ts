import type { Heuristic, HeuristicContribution } from '../../domain/heuristic.js';
import type { HeuristicFilter } from '../filters.js';
import { mergeHeuristicContribution } from '../merge.js';
import type { PageRequest } from '../page.js';
import type { HeuristicStore } from '../pattern-store.js';
import { copy } from './clone.js';
import { conflict } from './failures.js';
import { getMany } from './get-many.js';
import { guarded } from './guard.js';
import { addEvidence } from './patterns.js';
import { rankedPage } from './ranked-page.js';
import type { InMemoryState, NamespaceData } from './state.js';

export function createHeuristicStore(state: InMemoryState): HeuristicStore {
  return {
    upsertHeuristics: guarded(
      state,
      'upsertHeuristics',
      (contributions: readonly HeuristicContribution[]) => {
        refuseIdCollisions(state, contributions);
        return contributions.map((contribution) => {
          const data = state.namespace(contribution.namespace);
          const existingId = data.heuristicKeys.get(contribution.key);
          const existing = existingId === undefined ? undefined : data.heuristics.get(existingId);
          const merged = mergeHeuristicContribution(existing, contribution);
          if (merged !== existing) {
            storeHeuristic(data, merged, existing);
            addEvidence(data.heuristicsByEpisode, contribution.episodeId, merged.id);
          }
          return copy(merged);
        });
      },
    ),

    getHeuristics: guarded(state, 'getHeuristics', (namespace: string, ids: readonly string[]) =>
      getMany(state.peek(namespace)?.heuristics, ids, 'getHeuristics'),
    ),

    listHeuristics: guarded(
      state,
      'listHeuristics',
      (namespace: string, filter: HeuristicFilter, page?: PageRequest) => {
        const data = state.peek(namespace);
        if (!data) return { items: [], nextCursor: null };
        const domains = filter.domains && filter.domains.length > 0 ? filter.domains : undefined;
        return rankedPage(
          data.heuristics.values(),
          (heuristic) => heuristic.confidence,
          (heuristic) =>
            (!domains || domains.includes(heuristic.domain)) &&
            (filter.minConfidence === undefined || heuristic.confidence >= filter.minConfidence) &&
            (filter.minEvidence === undefined || heuristic.evidence.total >= filter.minEvidence),
          page,
        );
      },
    ),
  };
}

export function storeHeuristic(
  data: NamespaceData,
  heuristic: Heuristic,
  previous: Heuristic | undefined,
): void {
  data.heuristics.set(heuristic.id, heuristic);
  if (previous && previous.key !== heuristic.key) data.heuristicKeys.delete(previous.key);
  data.heuristicKeys.set(heuristic.key, heuristic.id);
}

function refuseIdCollisions(state: InMemoryState, contributions: readonly HeuristicContribution[]): void {
  const creating = new Set<string>();
  for (const contribution of contributions) {
    const data = state.peek(contribution.namespace);
    const scopedKey = `${contribution.namespace}\u0000${contribution.key}`;
    if (data?.heuristicKeys.has(contribution.key) || creating.has(scopedKey)) continue;
    if (data?.heuristics.has(contribution.newId)) {
      throw conflict(`heuristic id ${contribution.newId} is already taken`, {
        heuristicId: contribution.newId,
      });
    }
    creating.add(scopedKey);
  }
}
