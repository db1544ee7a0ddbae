import type { Relationship } from '../domain/relationship.js';
import type { RelationshipQuery } from './filters.js';

export interface RelationshipStore {
  /**
   * Adds a relationship atomically. Fails with `NOT_FOUND` when either episode is absent from the namespace,
   * `CONFLICT` for a duplicate (same from, to and type) and, for `depends_on | parent_child | blocks`, for an
   * edge that would close a cycle of that type. Self-links are refused with `VALIDATION_FAILED`.
   */
  addRelationship(relationship: Relationship): Promise<Relationship>;

  /** Removes a relationship; false when it did not exist. */
  removeRelationship(namespace: string, id: string): Promise<boolean>;

  /** Relationships touching the episode (at most 1,000), oldest first. */
  listRelationships(namespace: string, episodeId: string, query?: RelationshipQuery): Promise<Relationship[]>;
}
