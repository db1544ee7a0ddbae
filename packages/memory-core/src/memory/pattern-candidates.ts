import type { PatternType } from '../domain/pattern.js';
import { fusedRelevance, normaliseByMax, reciprocalRankFusion } from '../retrieval/fusion.js';
import type { PatternCandidate } from '../retrieval/rank-patterns.js';
import type { PatternFilter, ScoredId } from '../storage/filters.js';
import type { QueryPlan } from './query-plan.js';
import type { RankedEpisode } from './results.js';
import type { MemoryScope } from './runtime.js';

/** How many of the best episodes lend their patterns to the candidates. */
const SOURCE_EPISODES = 10;

/**
 * Candidate patterns: full-text and vector search over patterns, fused by reciprocal rank, plus the patterns
 * mined from the best-ranked episodes (relevant because the task resembles where they were learned).
 * Relevance is the better of the two.
 */
export async function findPatternCandidates(
  scope: MemoryScope,
  plan: QueryPlan,
  pool: number,
  options: { fromEpisodes?: readonly RankedEpisode[]; types?: PatternType[]; domains?: string[] } = {},
): Promise<PatternCandidate[]> {
  const { storage, config } = scope.runtime;
  const filter: PatternFilter = {
    ...(options.types ? { types: options.types } : {}),
    ...(options.domains ? { domains: options.domains } : {}),
  };
  const [lexical, semantic] = await Promise.all([
    config.ranking.lexicalSearch && plan.terms.length > 0
      ? storage.searchPatternsByText(scope.namespace, plan.terms, filter, pool)
      : Promise.resolve<ScoredId[]>([]),
    plan.vector
      ? storage.searchPatternsByVector(scope.namespace, plan.vector, filter, pool)
      : Promise.resolve<ScoredId[]>([]),
  ]);
  const fused = reciprocalRankFusion([lexical, semantic], config.ranking.rrfK);
  const relevance = fusedRelevance(fused, config.ranking.rrfK, Math.max(lexical.length, semantic.length));
  for (const ranked of (options.fromEpisodes ?? []).slice(0, SOURCE_EPISODES)) {
    for (const id of ranked.episode.patternIds) {
      relevance.set(id, Math.max(relevance.get(id) ?? 0, ranked.score));
    }
  }
  const ids = [...relevance.entries()]
    .sort((left, right) => right[1] - left[1])
    .slice(0, pool)
    .map(([id]) => id);
  const patterns = await storage.getPatterns(scope.namespace, ids);
  const lexicalScores = normaliseByMax(lexical);
  const semanticScores = new Map(semantic.map((hit) => [hit.id, Math.max(0, Math.min(1, hit.score))]));
  return patterns
    .filter((pattern) => !options.types || options.types.includes(pattern.type))
    .map((pattern) => ({
      pattern,
      lexical: lexicalScores.get(pattern.id) ?? 0,
      semantic: semanticScores.get(pattern.id) ?? 0,
      fused: relevance.get(pattern.id) ?? 0,
    }));
}
