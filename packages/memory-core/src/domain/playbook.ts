import { z } from 'zod';

export const PlaybookStepSchema = z.object({
  order: z.number().int().min(1),
  action: z.string(),
  toolHint: z.string().optional(),
  expectedResult: z.string().optional(),
});

export const PitfallSchema = z.object({
  warning: z.string(),
  reason: z.string(),
  mitigation: z.string().optional(),
});

/** A step-by-step plan synthesised from patterns and episodes; computed, not stored. */
export const PlaybookSchema = z.object({
  id: z.string(),
  taskMatchScore: z.number(),
  whyRelevant: z.string(),
  whenToApply: z.array(z.string()),
  whenNotToApply: z.array(z.string()),
  steps: z.array(PlaybookStepSchema),
  pitfalls: z.array(PitfallSchema),
  expectedOutcome: z.string(),
  confidence: z.number().min(0).max(1),
  supportingPatternIds: z.array(z.string()),
  supportingEpisodeIds: z.array(z.string()),
});
export type Playbook = z.infer<typeof PlaybookSchema>;
export type PlaybookStep = z.infer<typeof PlaybookStepSchema>;
export type Pitfall = z.infer<typeof PitfallSchema>;
