import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { outcomeArguments, toTaskOutcome } from '../mapping/outcome.js';
import { StepArgumentsSchema, toStepInput } from '../mapping/step.js';
import { episodeIdArgument } from '../tool-support/arguments.js';
import { defineTool, type ToolContext } from '../tool-support/define-tool.js';
import { round } from '../views/pattern-view.js';

/** add_episode_step and complete_episode: the middle and the end of an episode. */
export function registerStepTools(server: McpServer, context: ToolContext): void {
  const { memory } = context;

  defineTool(server, context, {
    name: 'add_episode_step',
    title: 'Log a step',
    description:
      'Call after each significant tool call of an open episode: which tool, what you did, how it ended. ' +
      'Steps are what the memory learns tool sequences and error recoveries from. Fails for an unknown or ' +
      'completed episode.',
    input: StepArgumentsSchema,
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
    run: async (args) => {
      const logged = await memory.logStep(args.episode_id, toStepInput(args));
      const state = logged.accepted > 0 ? 'logged' : 'already logged (unchanged)';
      return {
        summary: `Step ${args.step_number} of episode ${args.episode_id} ${state}.`,
        data: {
          episode_id: args.episode_id,
          step_number: args.step_number,
          accepted: logged.accepted,
          unchanged: logged.unchanged,
          buffered: logged.buffered,
        },
      };
    },
  });

  defineTool(server, context, {
    name: 'complete_episode',
    title: 'Complete an episode',
    description:
      'Call once when the task ends, with an honest outcome. The memory scores the episode, reflects on it and ' +
      'extracts patterns and heuristics that future query_memory and recommend_playbook calls return. Calling ' +
      'it again with the same outcome is a no-op; a different outcome is refused.',
    input: z.strictObject({ episode_id: episodeIdArgument, ...outcomeArguments }),
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
    run: async ({ episode_id, ...outcome }) => {
      const episode = await memory.completeEpisode(episode_id, toTaskOutcome(outcome));
      const reward = episode.reward ? round(episode.reward.total) : null;
      return {
        summary:
          `Completed episode ${episode.id} as ${outcome.outcome_type}` +
          `${reward === null ? '' : `, reward ${reward}`}; learning: ${episode.learning?.status ?? 'pending'}.`,
        data: {
          episode_id: episode.id,
          outcome: episode.outcome ?? null,
          reward: episode.reward ?? null,
          reflection: episode.reflection ?? null,
          learning: episode.learning ?? null,
          pattern_ids: episode.patternIds,
          heuristic_ids: episode.heuristicIds,
        },
      };
    },
  });
}
