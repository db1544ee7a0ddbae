import {
  boundedText,
  ComplexitySchema,
  IdSchema,
  LabelSchema,
  LIMITS,
  MAX_PAGE_SIZE,
  ShortTextSchema,
  TaskTypeSchema,
} from '@slm/memory-core';
import { z } from 'zod';

// Argument schemas shared by several tools, with descriptions the model sees in tools/list.

export const episodeIdArgument = IdSchema.describe('The episode id (a UUID) returned by create_episode.');

export const limitArgument = z
  .number()
  .int()
  .min(1)
  .max(MAX_PAGE_SIZE)
  .optional()
  .describe(`How many items to return (1–${MAX_PAGE_SIZE}, default 20).`);

export const cursorArgument = z
  .string()
  .min(1)
  .max(1_000)
  .optional()
  .describe('The next_cursor of the previous call, to get the next page.');

export const taskDescriptionArgument = boundedText(LIMITS.taskDescriptionBytes, 1).describe(
  'What the task is, in one or two sentences (e.g. "Add retry with backoff to the HTTP client").',
);

export const domainArgument = ShortTextSchema.describe(
  'The area of work, e.g. "web-api", "cli", "data-pipeline"; similar tasks share a domain.',
);

export const taskTypeArgument = TaskTypeSchema.describe('The kind of task.');

/** Optional context hints that sharpen retrieval. */
export const contextArguments = {
  language: ShortTextSchema.optional().describe('Programming language, e.g. "typescript".'),
  framework: ShortTextSchema.optional().describe('Framework or library, e.g. "fastify".'),
  complexity: ComplexitySchema.optional().describe('How hard the task is.'),
  tags: z
    .array(ShortTextSchema)
    .max(LIMITS.tagsPerContext)
    .optional()
    .describe('Free-form context tags, e.g. ["async", "retry"].'),
};

export const episodeTagsArgument = z
  .array(LabelSchema)
  .min(1)
  .max(LIMITS.labelsPerEpisode)
  .describe('Tags: 2–100 characters of a-z, 0-9, "_" or "-" (upper case is lower-cased).');
