import type { Episode } from '../domain/episode.js';
import type { Heuristic } from '../domain/heuristic.js';
import type { Pattern } from '../domain/pattern.js';
import { distinctSearchTerms } from '../text/terms.js';
import type { MemoryScope } from './runtime.js';

export interface RelevantKnowledge {
  patterns: Pattern[];
  heuristics: Heuristic[];
  /** Tools that followed the episode's latest tool in known tool sequences. */
  nextTools: string[];
}

const LIMIT = 5;

/** Patterns and heuristics relevant to an open episode, for handoff packs. */
export async function findRelevantKnowledge(
  scope: MemoryScope,
  episode: Episode,
): Promise<RelevantKnowledge> {
  const { storage, config } = scope.runtime;
  const terms = distinctSearchTerms(`${episode.taskDescription} ${episode.context.domain}`);
  const hits = await storage.searchPatternsByText(scope.namespace, terms, {}, LIMIT);
  const patterns = await storage.getPatterns(
    scope.namespace,
    hits.map((hit) => hit.id),
  );
  const heuristics = await storage.listHeuristics(
    scope.namespace,
    { domains: [episode.context.domain], minConfidence: config.heuristicConfidenceFloor, minEvidence: 2 },
    { limit: LIMIT },
  );
  const lastTool = episode.steps.at(-1)?.tool;
  const nextTools = new Set<string>();
  for (const pattern of patterns) {
    if (pattern.type !== 'tool_sequence' || lastTool === undefined) continue;
    const position = pattern.tools.indexOf(lastTool);
    const next = position >= 0 ? pattern.tools[position + 1] : undefined;
    if (next) nextTools.add(next);
  }
  return { patterns, heuristics: heuristics.items, nextTools: [...nextTools] };
}
