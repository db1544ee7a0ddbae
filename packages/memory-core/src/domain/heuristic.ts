import { z } from 'zod';
import { IdSchema, NamespaceSchema, TimestampSchema } from './primitives.js';

export const HEURISTIC_SCHEMA_VERSION = 1;

/** Evidence for a heuristic, accumulated across episodes. `successes` may be fractional (partial outcomes). */
export const HeuristicEvidenceSchema = z.object({
  episodeIds: z.array(IdSchema),
  successes: z.number().min(0),
  total: z.number().min(0),
});

/** A condition → action rule. `confidence` is the Wilson lower bound (z = 1.96) of successes/total. */
export const HeuristicSchema = z.object({
  schemaVersion: z.number().int().min(1).default(HEURISTIC_SCHEMA_VERSION),
  id: IdSchema,
  namespace: NamespaceSchema,
  key: z.string().min(1),
  condition: z.string(),
  action: z.string(),
  domain: z.string(),
  evidence: HeuristicEvidenceSchema,
  confidence: z.number().min(0).max(1),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Heuristic = z.infer<typeof HeuristicSchema>;

/** What one episode contributes to a heuristic; merged by `key` atomically in storage. */
export interface HeuristicContribution {
  newId: string;
  namespace: string;
  key: string;
  condition: string;
  action: string;
  domain: string;
  /** In [0, 1]: the episode's outcome success value. */
  success: number;
  episodeId: string;
  at: string;
}
