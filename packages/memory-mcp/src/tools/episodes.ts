import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import {
  boundedText,
  type EpisodeListFilter,
  LabelSchema,
  LIMITS,
  MemoryError,
  MetadataSchema,
  OUTCOME_TYPES,
  ShortTextSchema,
  TaskTypeSchema,
} from '@slm/memory-core';
import { z } from 'zod';
import {
  contextArguments,
  cursorArgument,
  domainArgument,
  episodeIdArgument,
  limitArgument,
  taskDescriptionArgument,
  taskTypeArgument,
} from '../tool-support/arguments.js';
import { ADDS, defineTool, READ_ONLY, type ToolContext } from '../tool-support/define-tool.js';
import { boundedEpisode, DEFAULT_EPISODE_STEPS, MAX_EPISODE_STEPS } from '../views/bounded-episode.js';
import { episodeSummary } from '../views/episode-summary.js';
import { truncateText } from '../views/truncate.js';

/** create_episode, get_episode, list_episodes, update_episode, delete_episode. */
export function registerEpisodeTools(server: McpServer, context: ToolContext): void {
  const { memory } = context;

  defineTool(server, context, {
    name: 'create_episode',
    title: 'Start an episode',
    description:
      'Call at the start of every non-trivial task to record it in memory. Returns episode_id: pass it to ' +
      'add_episode_step for each tool call, to recommend_playbook to get a plan, and to complete_episode at the ' +
      'end so the memory learns from the outcome. `tags` describe the task context (valid ones also become ' +
      'episode tags you can find with search_episodes_by_tags).',
    input: z.strictObject({
      task_description: taskDescriptionArgument,
      domain: domainArgument,
      task_type: taskTypeArgument,
      ...contextArguments,
    }),
    annotations: ADDS,
    run: async (args) => {
      const tags = args.tags ?? [];
      const episode = await memory.startEpisode({
        taskDescription: args.task_description,
        taskType: args.task_type,
        context: {
          domain: args.domain,
          language: args.language,
          framework: args.framework,
          complexity: args.complexity ?? 'moderate',
          tags,
        },
        labels: validLabels(tags),
      });
      return {
        summary: `Started episode ${episode.id}. Log each step with add_episode_step, then call complete_episode.`,
        data: { episode_id: episode.id, episode: episodeSummary(episode) },
      };
    },
  });

  defineTool(server, context, {
    name: 'get_episode',
    title: 'Read an episode',
    description:
      'Returns one episode with its steps, outcome, reward, reflection and learned pattern ids. Long episodes ' +
      `are trimmed to the latest max_steps steps (default ${DEFAULT_EPISODE_STEPS}) with a note.`,
    input: z.strictObject({
      episode_id: episodeIdArgument,
      max_steps: z
        .number()
        .int()
        .min(1)
        .max(MAX_EPISODE_STEPS)
        .optional()
        .describe(`How many of the latest steps to include (1–${MAX_EPISODE_STEPS}).`),
    }),
    annotations: READ_ONLY,
    run: async (args) => {
      const bounded = boundedEpisode(await memory.getEpisode(args.episode_id), args.max_steps);
      const { episode } = bounded;
      const state = episode.outcome ? `completed (${episode.outcome.type})` : 'open';
      return {
        summary:
          `Episode ${episode.id}, ${state}, ${episode.steps.length + bounded.stepsOmitted} steps: ` +
          `${truncateText(episode.taskDescription, 200)}${bounded.note ? ` Note: ${bounded.note}` : ''}`,
        data: { episode, steps_omitted: bounded.stepsOmitted, note: bounded.note },
      };
    },
  });

  defineTool(server, context, {
    name: 'list_episodes',
    title: 'List episodes',
    description:
      'Lists episodes, newest first, without their steps (use get_episode for those). Filter by domain, ' +
      'task type, outcome, open/completed or words in the task; page with limit and cursor.',
    input: z.strictObject({
      domain: ShortTextSchema.optional().describe('Only episodes of this domain.'),
      task_type: TaskTypeSchema.optional().describe('Only episodes of this task type.'),
      outcome_type: z.enum(OUTCOME_TYPES).optional().describe('Only completed episodes with this outcome.'),
      completed: z.boolean().optional().describe('true: only completed; false: only open; absent: both.'),
      text: boundedText(1_000).optional().describe('Only episodes containing every word of this text.'),
      include_archived: z.boolean().optional().describe('Include archived episodes (default false).'),
      limit: limitArgument,
      cursor: cursorArgument,
    }),
    annotations: READ_ONLY,
    run: async (args) => {
      const filter: EpisodeListFilter = {
        ...(args.domain === undefined ? {} : { domains: [args.domain] }),
        ...(args.task_type === undefined ? {} : { taskTypes: [args.task_type] }),
        ...(args.outcome_type === undefined ? {} : { outcomeTypes: [args.outcome_type] }),
        ...(args.completed === undefined ? {} : { completed: args.completed }),
        ...(args.text === undefined ? {} : { text: args.text }),
        archived: args.include_archived ? 'include' : 'exclude',
      };
      const page = await memory.listEpisodes(filter, { limit: args.limit, cursor: args.cursor ?? null });
      const more = page.nextCursor ? ' More with cursor = next_cursor.' : '';
      return {
        summary: `${page.items.length} episodes.${more}`,
        data: { episodes: page.items.map(episodeSummary), next_cursor: page.nextCursor },
      };
    },
  });

  defineTool(server, context, {
    name: 'update_episode',
    title: 'Update an episode',
    description:
      'Changes the task description, replaces the episode tags, or replaces the metadata of an episode. ' +
      'Give at least one. Returns the updated episode summary.',
    input: z.strictObject({
      episode_id: episodeIdArgument,
      task_description: taskDescriptionArgument.optional(),
      tags: z
        .array(LabelSchema)
        .max(LIMITS.labelsPerEpisode)
        .optional()
        .describe('The complete new list of episode tags (replaces the old list; [] removes all).'),
      metadata: MetadataSchema.optional().describe('String key/value pairs; replaces the old metadata.'),
    }),
    annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true },
    run: async (args) => {
      if (args.task_description === undefined && args.tags === undefined && args.metadata === undefined) {
        throw new MemoryError('VALIDATION_FAILED', 'give at least one of task_description, tags, metadata', {
          details: { issues: [{ path: '(root)', message: 'nothing to update' }] },
        });
      }
      const episode = await memory.updateEpisode(args.episode_id, {
        taskDescription: args.task_description,
        labels: args.tags,
        metadata: args.metadata,
      });
      return {
        summary: `Updated episode ${episode.id}.`,
        data: { episode_id: episode.id, episode: episodeSummary(episode) },
      };
    },
  });

  defineTool(server, context, {
    name: 'delete_episode',
    title: 'Delete an episode',
    description:
      'Permanently deletes an episode and its steps. Patterns already learned from it stay. Requires ' +
      'confirm: true; only call it when the user asked to delete the episode.',
    input: z.strictObject({
      episode_id: episodeIdArgument,
      confirm: z.boolean().describe('Must be true: deleting cannot be undone.'),
    }),
    annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false },
    run: async (args) => {
      if (args.confirm !== true) {
        throw new MemoryError(
          'VALIDATION_FAILED',
          'delete_episode needs confirm: true (deleting cannot be undone)',
          {
            details: { issues: [{ path: 'confirm', message: 'must be true' }] },
          },
        );
      }
      await memory.deleteEpisode(args.episode_id);
      return {
        summary: `Deleted episode ${args.episode_id}.`,
        data: { episode_id: args.episode_id, deleted: true },
      };
    },
  });
}

/** Context tags that are also valid episode tags (labels), normalised and de-duplicated. */
function validLabels(tags: readonly string[]): string[] {
  const labels = new Set<string>();
  for (const tag of tags) {
    const parsed = LabelSchema.safeParse(tag);
    if (parsed.success) labels.add(parsed.data);
  }
  return [...labels].slice(0, LIMITS.labelsPerEpisode);
}
