import {
  LabelSchema,
  OUTCOME_TYPES,
  ShortTextSchema,
  StartEpisodeInputSchema,
  TaskTypeSchema,
  TimestampSchema,
  UpdateEpisodeInputSchema,
} from '@slm/memory-core';
import { z } from 'zod';
import { EpisodeEnvelopeSchema, EpisodePageSchema } from '../openapi/response-schemas.js';
import {
  IdParamsSchema,
  PageQuerySchema,
  QueryBooleanSchema,
  QueryNumberSchema,
  queryList,
} from './common-schemas.js';
import { defineRoute, type RouteSpec } from './route-spec.js';

const ListEpisodesQuerySchema = PageQuerySchema.extend({
  taskTypes: queryList(TaskTypeSchema, 10),
  domains: queryList(ShortTextSchema, 50),
  labelsAny: queryList(LabelSchema, 50),
  labelsAll: queryList(LabelSchema, 50),
  tags: queryList(ShortTextSchema, 50),
  outcomeTypes: queryList(z.enum(OUTCOME_TYPES), 4),
  startedAfter: TimestampSchema.optional(),
  startedBefore: TimestampSchema.optional(),
  rewardMin: QueryNumberSchema.optional(),
  rewardMax: QueryNumberSchema.optional(),
  completed: QueryBooleanSchema.optional(),
  archived: z.enum(['exclude', 'include', 'only']).optional(),
  text: z.string().max(1_000).optional(),
});

/** The core's update fields plus `archived`, which archives or restores the episode. */
const PatchEpisodeBodySchema = z
  .object({ ...UpdateEpisodeInputSchema.shape, archived: z.boolean().optional() })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    message: 'give at least one of taskDescription, metadata, labels, archived',
  });

export function episodeRoutes(): RouteSpec[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/v1/episodes',
      operationId: 'createEpisode',
      summary: 'Start an episode (a task an agent works on)',
      tag: 'episodes',
      access: 'key',
      body: StartEpisodeInputSchema,
      status: 201,
      response: { description: 'The stored episode.', schema: EpisodeEnvelopeSchema },
      async handler({ memory, body }) {
        return { episode: await memory.startEpisode(body) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/v1/episodes',
      operationId: 'listEpisodes',
      summary: 'List episodes, newest first, with filters and cursor pagination',
      description:
        'List filters take comma-separated values or repeated parameters. Pass `nextCursor` as `cursor` for the next page.',
      tag: 'episodes',
      access: 'key',
      query: ListEpisodesQuerySchema,
      response: { description: 'A page of episodes.', schema: EpisodePageSchema },
      async handler({ memory, query }) {
        const { limit, cursor, ...filter } = query;
        const page = await memory.listEpisodes(filter, { limit, cursor });
        return { episodes: page.items, nextCursor: page.nextCursor };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/v1/episodes/:id',
      operationId: 'getEpisode',
      summary: 'Get an episode with its steps',
      tag: 'episodes',
      access: 'key',
      params: IdParamsSchema,
      response: { description: 'The episode.', schema: EpisodeEnvelopeSchema },
      async handler({ memory, params }) {
        return { episode: await memory.getEpisode(params.id) };
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: '/v1/episodes/:id',
      operationId: 'updateEpisode',
      summary: 'Update an episode: description, metadata, labels; `archived` archives or restores it',
      tag: 'episodes',
      access: 'key',
      params: IdParamsSchema,
      body: PatchEpisodeBodySchema,
      response: { description: 'The updated episode.', schema: EpisodeEnvelopeSchema },
      async handler({ memory, params, body }) {
        const { archived, ...update } = body;
        let episode = Object.values(update).some((value) => value !== undefined)
          ? await memory.updateEpisode(params.id, update)
          : await memory.getEpisode(params.id);
        if (archived === true && episode.archivedAt === undefined)
          episode = await memory.archiveEpisode(params.id);
        if (archived === false && episode.archivedAt !== undefined)
          episode = await memory.restoreEpisode(params.id);
        return { episode };
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/v1/episodes/:id',
      operationId: 'deleteEpisode',
      summary: 'Delete an episode, its steps and its relationships',
      tag: 'episodes',
      access: 'key',
      params: IdParamsSchema,
      status: 204,
      response: { description: 'Deleted.' },
      async handler({ memory, params }) {
        await memory.deleteEpisode(params.id);
      },
    }),
  ];
}
