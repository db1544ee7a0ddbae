import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { boundedText, DEFAULT_PAGE_SIZE, RelationshipTypeSchema, ShortTextSchema } from '@slm/memory-core';
import { z } from 'zod';
import { cursorArgument, episodeIdArgument, limitArgument } from '../tool-support/arguments.js';
import { ADDS, defineTool, READ_ONLY, type ToolContext } from '../tool-support/define-tool.js';
import { pageByOffset } from '../tool-support/offset-cursor.js';

/** add_episode_relationship and get_episode_relationships. */
export function registerRelationshipTools(server: McpServer, context: ToolContext): void {
  const { memory } = context;

  defineTool(server, context, {
    name: 'add_episode_relationship',
    title: 'Link two episodes',
    description:
      'Records a directed link between two episodes: parent_child, depends_on, follows, related_to, blocks, ' +
      'duplicates or references. depends_on, parent_child and blocks links may not form cycles.',
    input: z.strictObject({
      from_episode_id: episodeIdArgument.describe('The episode the link starts from.'),
      to_episode_id: episodeIdArgument.describe('The episode the link points to.'),
      relationship_type: RelationshipTypeSchema.describe('What the link means, read "from <type> to".'),
      reason: boundedText(1_000).optional().describe('Why they are linked.'),
      priority: z.number().int().min(1).max(10).optional().describe('1–10 (default 5).'),
      created_by: ShortTextSchema.optional().describe('Who links them (default "agent").'),
    }),
    annotations: ADDS,
    run: async (args) => {
      const relationship = await memory.addRelationship({
        fromEpisodeId: args.from_episode_id,
        toEpisodeId: args.to_episode_id,
        type: args.relationship_type,
        reason: args.reason,
        priority: args.priority,
        createdBy: args.created_by,
      });
      return {
        summary: `Linked ${relationship.fromEpisodeId} ${relationship.type} ${relationship.toEpisodeId}.`,
        data: { relationship_id: relationship.id, relationship },
      };
    },
  });

  defineTool(server, context, {
    name: 'get_episode_relationships',
    title: 'Episode links',
    description:
      'Lists the links of an episode (outgoing, incoming or both), optionally of some types only; page with ' +
      'limit and cursor.',
    input: z.strictObject({
      episode_id: episodeIdArgument,
      direction: z.enum(['outgoing', 'incoming', 'both']).optional().describe('Default both.'),
      relationship_types: z.array(RelationshipTypeSchema).max(7).optional().describe('Only these types.'),
      limit: limitArgument,
      cursor: cursorArgument,
    }),
    annotations: READ_ONLY,
    run: async (args) => {
      const all = await memory.getRelationships(args.episode_id, {
        direction: args.direction,
        types: args.relationship_types,
      });
      const page = pageByOffset(all, args.cursor, args.limit ?? DEFAULT_PAGE_SIZE);
      return {
        summary: `${page.items.length} of ${all.length} links of episode ${args.episode_id}.`,
        data: { relationships: page.items, total: all.length, next_cursor: page.nextCursor },
      };
    },
  });
}
