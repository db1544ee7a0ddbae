import { uuidv7 } from '../domain/ids.js';
import type { Relationship } from '../domain/relationship.js';
import { MemoryError } from '../errors.js';
import type { RelationshipQuery } from '../storage/filters.js';
import { type RelationshipInput, RelationshipInputSchema } from './inputs.js';
import { type MemoryScope, nowIso } from './runtime.js';
import { notFound, parseInput, requireId } from './validation.js';

/** Links two episodes; the store refuses duplicates and cycles of acyclic types atomically. */
export function addRelationship(scope: MemoryScope, input: RelationshipInput): Promise<Relationship> {
  const parsed = parseInput(RelationshipInputSchema, input, 'relationship');
  if (parsed.fromEpisodeId === parsed.toEpisodeId) {
    throw new MemoryError(
      'VALIDATION_FAILED',
      'invalid relationship: an episode cannot be related to itself',
      {
        details: { issues: [{ path: 'toEpisodeId', message: 'must differ from fromEpisodeId' }] },
      },
    );
  }
  return scope.runtime.storage.addRelationship({
    ...parsed,
    id: uuidv7(scope.runtime.clock.now()),
    namespace: scope.namespace,
    createdAt: nowIso(scope),
  });
}

export async function removeRelationship(scope: MemoryScope, relationshipId: unknown): Promise<void> {
  const id = requireId(relationshipId, 'relationshipId');
  const removed = await scope.runtime.storage.removeRelationship(scope.namespace, id);
  if (!removed) throw notFound('relationship', id);
}

/** Relationships of an episode (NOT_FOUND when the episode does not exist). */
export async function getRelationships(
  scope: MemoryScope,
  episodeId: unknown,
  query: RelationshipQuery = {},
): Promise<Relationship[]> {
  const id = requireId(episodeId, 'episodeId');
  const episode = await scope.runtime.storage.getEpisode(scope.namespace, id);
  if (!episode) throw notFound('episode', id);
  return scope.runtime.storage.listRelationships(scope.namespace, id, query);
}
