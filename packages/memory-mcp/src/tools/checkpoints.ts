import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { HandoffPack } from '@slm/memory-core';
import { boundedText, IdSchema, LabelSchema, LIMITS, MetadataSchema } from '@slm/memory-core';
import { z } from 'zod';
import { episodeIdArgument, taskDescriptionArgument } from '../tool-support/arguments.js';
import { ADDS, defineTool, READ_ONLY, type ToolContext } from '../tool-support/define-tool.js';
import { episodeSummary } from '../views/episode-summary.js';
import { patternView } from '../views/pattern-view.js';

const checkpointIdArgument = IdSchema.describe('The checkpoint_id returned by checkpoint_episode.');

/** checkpoint_episode, get_handoff_pack, resume_from_handoff: handing work over to a fresh agent. */
export function registerCheckpointTools(server: McpServer, context: ToolContext): void {
  const { memory } = context;

  defineTool(server, context, {
    name: 'checkpoint_episode',
    title: 'Checkpoint an episode',
    description:
      'Marks progress in an open episode, e.g. before your context runs out or before handing the task to ' +
      'another agent. Returns checkpoint_id; another agent gets everything it needs with get_handoff_pack.',
    input: z.strictObject({
      episode_id: episodeIdArgument,
      reason: boundedText(1_000, 1).describe('Why you checkpoint, e.g. "context window nearly full".'),
      note: boundedText(LIMITS.stepTextBytes).optional().describe('What the next agent should know.'),
    }),
    annotations: ADDS,
    run: async (args) => {
      const checkpoint = await memory.checkpointEpisode(args.episode_id, {
        reason: args.reason,
        ...(args.note === undefined ? {} : { note: args.note }),
      });
      return {
        summary: `Checkpoint ${checkpoint.id} of episode ${checkpoint.episodeId} at step ${checkpoint.stepNumber}.`,
        data: {
          checkpoint_id: checkpoint.id,
          episode_id: checkpoint.episodeId,
          step_number: checkpoint.stepNumber,
          created_at: checkpoint.createdAt,
        },
      };
    },
  });

  defineTool(server, context, {
    name: 'get_handoff_pack',
    title: 'Get a handoff pack',
    description:
      'Everything needed to continue a checkpointed task: the goal, the latest steps, what worked and failed, ' +
      'salient facts, suggested next steps and relevant patterns and heuristics.',
    input: z.strictObject({ checkpoint_id: checkpointIdArgument }),
    annotations: READ_ONLY,
    run: async (args) => {
      const pack = await memory.getHandoffPack(args.checkpoint_id);
      return {
        summary: handoffText(pack),
        data: {
          checkpoint_id: pack.checkpointId,
          episode_id: pack.episodeId,
          pack: { ...pack, relevantPatterns: pack.relevantPatterns.map(patternView) },
        },
      };
    },
  });

  defineTool(server, context, {
    name: 'resume_from_handoff',
    title: 'Resume from a handoff',
    description:
      'Starts a new episode that continues the work of a checkpoint (linked to the old episode). Returns the ' +
      'new episode_id: log steps against it and complete it as usual.',
    input: z.strictObject({
      checkpoint_id: checkpointIdArgument,
      task_description: taskDescriptionArgument.optional().describe('Defaults to the original task.'),
      tags: z
        .array(LabelSchema)
        .max(LIMITS.labelsPerEpisode)
        .optional()
        .describe('Episode tags for the new episode.'),
      metadata: MetadataSchema.optional().describe('String key/value pairs for the new episode.'),
    }),
    annotations: ADDS,
    run: async (args) => {
      const episode = await memory.resumeFromHandoff({
        checkpointId: args.checkpoint_id,
        taskDescription: args.task_description,
        labels: args.tags,
        metadata: args.metadata,
      });
      return {
        summary: `Resumed as episode ${episode.id}. Log steps against it and complete it when done.`,
        data: { episode_id: episode.id, checkpoint_id: args.checkpoint_id, episode: episodeSummary(episode) },
      };
    },
  });
}

function handoffText(pack: HandoffPack): string {
  const lines = [
    `Goal: ${pack.goal}`,
    `Checkpoint after ${pack.totalSteps} steps: ${pack.checkpointReason}`,
    ...(pack.note ? [`Note: ${pack.note}`] : []),
    ...pack.suggestedNextSteps.map((step) => `Next: ${step}`),
  ];
  return lines.join('\n');
}
