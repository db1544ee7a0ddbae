import type { PatternType } from '../domain/pattern.js';
import { fusedRelevance, normaliseByMax, reciprocalRankFusion } from '../retrieval/fusion.js';
import type { PatternCandidate } from '../retrieval/rank-patterns.js';
import type { PatternFilter, ScoredId } from '../storage/filters.js';
import type { QueryPlan } from './query-plan.js';
import type { RankedEpisode } from './results.js';
import type { MemoryScope } from './runtime.js';

/** How many of the best episodes lend their patterns to the candidates. */
const SOURCE_EPISODES = 10;

export interface PatternCandidateOptions {
  fromEpisodes?: readonly RankedEpisode[];
  types?: PatternType[];
  domains?: string[];
}

/** What the store's full-text and vector searches over patterns found, best first. */
export interface PatternHits {
  lexical: ScoredId[];
  semantic: ScoredId[];
}

/**
 * Candidate patterns: full-text and vector search over patterns, fused by reciprocal rank, plus the patterns
 * mined from the best-ranked episodes (relevant because the task resembles where they were learned).
 * Relevance is the better of the two.
 */
export async function findPatternCandidates(
  scope: MemoryScope,
  plan: QueryPlan,
  pool: number,
  options: PatternCandidateOptions = {},
): Promise<PatternCandidate[]> {
  const hits = await searchPatternHits(scope, plan, pool, options);
  return loadPatternCandidates(scope, hits, pool, options);
}

/**
 * The searches of `findPatternCandidates` alone. They need only the query, so retrieval runs them while the
 * episodes are searched and ranked, and merges the episodes' patterns in `loadPatternCandidates` after.
 */
export async function searchPatternHits(
  scope: MemoryScope,
  plan: QueryPlan,
  pool: number,
  options: Pick<PatternCandidateOptions, 'types' | 'domains'> = {},
): Promise<PatternHits> {
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
  return { lexical, semantic };
}

/** Fuses `hits` with the patterns of `options.fromEpisodes` and loads the best `pool` of them. */
export async function loadPatternCandidates(
  scope: MemoryScope,
  { lexical, semantic }: PatternHits,
  pool: number,
  options: PatternCandidateOptions = {},
): Promise<PatternCandidate[]> {
  const { storage, config } = scope.runtime;
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
