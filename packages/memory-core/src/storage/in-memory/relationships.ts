import type { Relationship } from '../../domain/relationship.js';
import type { RelationshipQuery } from '../filters.js';
import type { RelationshipStore } from '../relationship-store.js';
import { copy } from './clone.js';
import { conflict, invalid, notFound } from './failures.js';
import { guarded } from './guard.js';
import type { InMemoryState } from './state.js';

/** The most relationships `listRelationships` returns. */
const MAX_LISTED = 1_000;

export function createRelationshipStore(state: InMemoryState): RelationshipStore {
  return {
    addRelationship: guarded(state, 'addRelationship', (relationship: Relationship) => {
      const { namespace, fromEpisodeId: from, toEpisodeId: to, type } = relationship;
      if (from === to) {
        throw invalid('invalid relationship: an episode cannot be related to itself', { episodeId: from });
      }
      const data = state.peek(namespace);
      for (const id of [from, to]) if (!data?.episodes.has(id)) throw notFound('episode', id, namespace);
      const graph = data!.relationships;
      if (graph.get(relationship.id)) {
        throw conflict(`relationship ${relationship.id} already exists`, { relationshipId: relationship.id });
      }
      if (graph.edgeId(from, to, type) !== undefined) {
        throw conflict(`episode ${from} already ${type} episode ${to}`, {
          fromEpisodeId: from,
          toEpisodeId: to,
          type,
        });
      }
      if (graph.wouldCloseCycle(from, to, type)) {
        throw conflict(`a ${type} relationship from ${from} to ${to} would close a cycle`, {
          fromEpisodeId: from,
          toEpisodeId: to,
          type,
        });
      }
      const stored = copy(relationship);
      graph.put(stored);
      return copy(stored);
    }),

    removeRelationship: guarded(state, 'removeRelationship', (namespace: string, id: string) => {
      return state.peek(namespace)?.relationships.remove(id) !== undefined;
    }),

    listRelationships: guarded(
      state,
      'listRelationships',
      (namespace: string, episodeId: string, query: RelationshipQuery = {}) => {
        const data = state.peek(namespace);
        if (!data) return [];
        const direction = query.direction ?? 'both';
        const types = query.types && query.types.length > 0 ? query.types : undefined;
        return data.relationships
          .touching(episodeId)
          .filter(
            (relationship) =>
              (direction !== 'outgoing' || relationship.fromEpisodeId === episodeId) &&
              (direction !== 'incoming' || relationship.toEpisodeId === episodeId) &&
              (!types || types.includes(relationship.type)),
          )
          .sort(
            (left, right) =>
              Date.parse(left.createdAt) - Date.parse(right.createdAt) ||
              (left.id < right.id ? -1 : left.id > right.id ? 1 : 0),
          )
          .slice(0, MAX_LISTED)
          .map(copy);
      },
    ),
  };
}
