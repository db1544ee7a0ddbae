import { distinctSearchTerms } from '../text/terms.js';
import type { QueryContext } from './inputs.js';
import type { MemoryRuntime } from './runtime.js';

/** A query prepared once for every search it feeds. */
export interface QueryPlan {
  text: string;
  terms: string[];
  /** `null` when embeddings are off or semantic search is disabled. */
  vector: Float32Array | null;
  context: QueryContext;
}

/** Terms for lexical search and the embedding of the task, described the way episodes are embedded. */
export async function planQuery(
  runtime: MemoryRuntime,
  text: string,
  context: QueryContext,
): Promise<QueryPlan> {
  const terms = distinctSearchTerms(text);
  const { embeddings, config } = runtime;
  let vector: Float32Array | null = null;
  if (embeddings && config.ranking.semanticSearch) {
    const described = [text, context.domain, context.language, context.framework, ...(context.tags ?? [])]
      .filter(Boolean)
      .join(' ');
    vector = (await embeddings.embed([described]))[0] ?? null;
  }
  return { text, terms, vector, context };
}
