import { z } from 'zod';
import { LIMITS } from './limits.js';
import { ShortTextSchema } from './primitives.js';

export const TASK_TYPES = [
  'code_generation',
  'debugging',
  'refactoring',
  'testing',
  'analysis',
  'documentation',
  'other',
] as const;
export const TaskTypeSchema = z.enum(TASK_TYPES);
export type TaskType = z.infer<typeof TaskTypeSchema>;

export const COMPLEXITY_LEVELS = ['simple', 'moderate', 'complex'] as const;
export const ComplexitySchema = z.enum(COMPLEXITY_LEVELS);
export type Complexity = z.infer<typeof ComplexitySchema>;

export const DEFAULT_DOMAIN = 'general';

/** Where a task happens. `domain` drives context matching; tags are free-form and distinct from labels. */
export const TaskContextSchema = z.object({
  domain: ShortTextSchema.default(DEFAULT_DOMAIN),
  language: ShortTextSchema.optional(),
  framework: ShortTextSchema.optional(),
  complexity: ComplexitySchema.default('moderate'),
  tags: z.array(ShortTextSchema).max(LIMITS.tagsPerContext).default([]),
});
export type TaskContext = z.infer<typeof TaskContextSchema>;
export type TaskContextInput = z.input<typeof TaskContextSchema>;
