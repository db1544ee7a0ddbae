import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import {
  cursorArgument,
  episodeIdArgument,
  episodeTagsArgument,
  limitArgument,
} from '../tool-support/arguments.js';
import { defineTool, READ_ONLY, type ToolContext } from '../tool-support/define-tool.js';
import { episodeSummary } from '../views/episode-summary.js';

/** add_episode_tags, remove_episode_tags, search_episodes_by_tags. Episode tags are the core's labels. */
export function registerTagTools(server: McpServer, context: ToolContext): void {
  const { memory } = context;

  defineTool(server, context, {
    name: 'add_episode_tags',
    title: 'Tag an episode',
    description:
      'Adds tags to an episode so it can be found later with search_episodes_by_tags (e.g. "needs-review", ' +
      '"migration"). Returns the episode\'s tags.',
    input: z.strictObject({ episode_id: episodeIdArgument, tags: episodeTagsArgument }),
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
    run: async (args) => {
      const episode = await memory.addLabels(args.episode_id, args.tags);
      return {
        summary: `Episode ${episode.id} tags: ${episode.labels.join(', ') || '(none)'}.`,
        data: { episode_id: episode.id, tags: episode.labels },
      };
    },
  });

  defineTool(server, context, {
    name: 'remove_episode_tags',
    title: 'Untag an episode',
    description:
      "Removes tags from an episode; tags it does not carry are ignored. Returns the episode's tags.",
    input: z.strictObject({ episode_id: episodeIdArgument, tags: episodeTagsArgument }),
    annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true },
    run: async (args) => {
      const episode = await memory.removeLabels(args.episode_id, args.tags);
      return {
        summary: `Episode ${episode.id} tags: ${episode.labels.join(', ') || '(none)'}.`,
        data: { episode_id: episode.id, tags: episode.labels },
      };
    },
  });

  defineTool(server, context, {
    name: 'search_episodes_by_tags',
    title: 'Find episodes by tags',
    description:
      'Lists episodes carrying any of the tags (or all of them with require_all: true), newest first, without ' +
      'steps; page with limit and cursor.',
    input: z.strictObject({
      tags: episodeTagsArgument,
      require_all: z
        .boolean()
        .optional()
        .describe('true: episodes must carry every tag; default: any of them.'),
      limit: limitArgument,
      cursor: cursorArgument,
    }),
    annotations: READ_ONLY,
    run: async (args) => {
      const filter = args.require_all ? { labelsAll: args.tags } : { labelsAny: args.tags };
      const page = await memory.listEpisodes(filter, { limit: args.limit, cursor: args.cursor ?? null });
      const more = page.nextCursor ? ' More with cursor = next_cursor.' : '';
      return {
        summary: `${page.items.length} episodes tagged ${args.tags.join(args.require_all ? ' and ' : ' or ')}.${more}`,
        data: { episodes: page.items.map(episodeSummary), next_cursor: page.nextCursor },
      };
    },
  });
}
