import { z } from 'zod';
import { LIMITS } from './limits.js';
import { boundedText, IdSchema, TimestampSchema } from './primitives.js';

/** A marker of progress inside an open episode; a handoff pack is computed from it. */
export const CheckpointSchema = z.object({
  id: IdSchema,
  episodeId: IdSchema,
  stepNumber: z.number().int().min(0),
  reason: boundedText(1_000, 1),
  note: boundedText(LIMITS.stepTextBytes).optional(),
  createdAt: TimestampSchema,
});
export type Checkpoint = z.infer<typeof CheckpointSchema>;
