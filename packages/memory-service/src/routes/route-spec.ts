import type { SelfLearningMemory } from '@slm/memory-core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Principal } from '../auth/principal.js';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** `public`: no key (health, metrics, docs); `key`: any valid key; `admin`: an admin key. */
export type Access = 'public' | 'key' | 'admin';

export interface ResponseDoc {
  description: string;
  /** Documentation only: the response body's shape in the OpenAPI document. */
  schema?: z.ZodType;
  /** Default `application/json`. */
  contentType?: string;
}

export interface RouteCall<Params, Query, Body> {
  params: Params;
  query: Query;
  body: Body;
  /** The memory scoped to the caller's namespace (the root memory on public routes). */
  memory: SelfLearningMemory;
  principal: Principal | undefined;
  request: FastifyRequest;
  reply: FastifyReply;
}

/**
 * One route: its contract (validated with zod and published in the OpenAPI document from the same schemas)
 * and its handler. The handler returns the body to send with `status`, or sends (or hijacks) the reply itself.
 */
export interface RouteSpec<
  Params extends z.ZodType = z.ZodType,
  Query extends z.ZodType = z.ZodType,
  Body extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  url: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  access: Access;
  params?: Params;
  query?: Query;
  body?: Body;
  /** The documented body when the handler validates it itself (a body with more than one accepted shape). */
  bodyDoc?: z.ZodType;
  /** Extra request content types besides JSON (e.g. JSONL for imports). */
  bodyContentTypes?: string[];
  /** Success status. Default 200. */
  status?: number;
  response: ResponseDoc;
  /** Long-lived responses (event streams) are not counted by load shedding. */
  streaming?: boolean;
  // Method syntax: handlers with specific parameter types still fit a list of routes.
  handler(call: RouteCall<z.output<Params>, z.output<Query>, z.output<Body>>): Promise<unknown>;
}

/** Identity with inference: the handler's `params`, `query` and `body` get the schemas' output types. */
export function defineRoute<
  Params extends z.ZodType = z.ZodType,
  Query extends z.ZodType = z.ZodType,
  Body extends z.ZodType = z.ZodType,
>(spec: RouteSpec<Params, Query, Body>): RouteSpec {
  return spec as unknown as RouteSpec;
}
