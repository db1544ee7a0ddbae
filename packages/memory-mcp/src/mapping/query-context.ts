import type { Complexity, QueryContext } from '@slm/memory-core';

export interface ContextArguments {
  domain?: string | undefined;
  language?: string | undefined;
  framework?: string | undefined;
  complexity?: Complexity | undefined;
  tags?: string[] | undefined;
}

/** The retrieval context hints among the arguments, leaving absent ones out. */
export function toQueryContext(args: ContextArguments): QueryContext {
  const context: QueryContext = {};
  if (args.domain !== undefined) context.domain = args.domain;
  if (args.language !== undefined) context.language = args.language;
  if (args.framework !== undefined) context.framework = args.framework;
  if (args.complexity !== undefined) context.complexity = args.complexity;
  if (args.tags !== undefined) context.tags = args.tags;
  return context;
}
