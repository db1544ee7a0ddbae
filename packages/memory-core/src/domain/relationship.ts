import { z } from 'zod';
import { boundedText, IdSchema, NamespaceSchema, ShortTextSchema, TimestampSchema } from './primitives.js';

export const RELATIONSHIP_TYPES = [
  'parent_child',
  'depends_on',
  'follows',
  'related_to',
  'blocks',
  'duplicates',
  'references',
] as const;
export const RelationshipTypeSchema = z.enum(RELATIONSHIP_TYPES);
export type RelationshipType = z.infer<typeof RelationshipTypeSchema>;

/** Relationship types that must stay acyclic: adding an edge that closes a cycle is refused. */
export const ACYCLIC_RELATIONSHIP_TYPES: ReadonlySet<RelationshipType> = new Set([
  'depends_on',
  'parent_child',
  'blocks',
]);

/** A directed link between two episodes of one namespace. */
export const RelationshipSchema = z.object({
  id: IdSchema,
  namespace: NamespaceSchema,
  fromEpisodeId: IdSchema,
  toEpisodeId: IdSchema,
  type: RelationshipTypeSchema,
  reason: boundedText(1_000).default(''),
  priority: z.number().int().min(1).max(10).default(5),
  createdBy: ShortTextSchema.default('agent'),
  createdAt: TimestampSchema,
});
export type Relationship = z.infer<typeof RelationshipSchema>;
