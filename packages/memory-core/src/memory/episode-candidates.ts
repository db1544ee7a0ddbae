import { fusedRelevance, normaliseByMax, reciprocalRankFusion } from '../retrieval/fusion.js';
import type { EpisodeCandidate } from '../retrieval/rank-episodes.js';
import type { CandidateFilter, ScoredId } from '../storage/filters.js';
import type { QueryPlan } from './query-plan.js';
import type { MemoryScope } from './runtime.js';

export interface EpisodeCandidates {
  candidates: EpisodeCandidate[];
  lexicalHits: number;
  semanticHits: number;
  /** The query's domain had too few matches, so other domains were searched too. */
  crossDomainFallback: boolean;
}

/**
 * Candidate episodes for a query: full-text (BM25) and vector top-k searched in the store, fused by
 * reciprocal rank, the best `rerankDepth` loaded with their vectors. Searches the query's domain first and
 * falls back to every domain when it has fewer than `minimum` matches.
 */
export async function findEpisodeCandidates(
  scope: MemoryScope,
  plan: QueryPlan,
  minimum: number,
): Promise<EpisodeCandidates> {
  const base: CandidateFilter = { completedOnly: true };
  const domain = plan.context.domain;
  let [lexical, semantic] = await search(scope, plan, domain ? { ...base, domains: [domain] } : base);
  let crossDomainFallback = false;
  if (domain && new Set([...lexical, ...semantic].map((hit) => hit.id)).size < minimum) {
    const [wideLexical, wideSemantic] = await search(scope, plan, base);
    lexical = mergeHits(lexical, wideLexical);
    semantic = mergeHits(semantic, wideSemantic);
    crossDomainFallback = true;
  }
  const { ranking } = scope.runtime.config;
  const fused = [...reciprocalRankFusion([lexical, semantic], ranking.rrfK)]
    .sort((left, right) => right[1] - left[1])
    .slice(0, ranking.rerankDepth);
  const ids = fused.map(([id]) => id);
  const [episodes, vectors] = await Promise.all([
    scope.runtime.storage.getEpisodes(scope.namespace, ids),
    scope.runtime.embeddings
      ? scope.runtime.storage.getEmbeddings(scope.namespace, 'episode', ids)
      : Promise.resolve(new Map<string, Float32Array>()),
  ]);
  const lexicalScores = normaliseByMax(lexical);
  const semanticScores = new Map(semantic.map((hit) => [hit.id, Math.max(0, Math.min(1, hit.score))]));
  const fusedScores = fusedRelevance(new Map(fused), ranking.rrfK, Math.max(lexical.length, semantic.length));
  const candidates = episodes.map((episode): EpisodeCandidate => {
    const vector = vectors.get(episode.id);
    return {
      episode,
      lexical: lexicalScores.get(episode.id) ?? 0,
      semantic: semanticScores.get(episode.id) ?? 0,
      fused: fusedScores.get(episode.id) ?? 0,
      ...(vector ? { vector } : {}),
    };
  });
  return { candidates, lexicalHits: lexical.length, semanticHits: semantic.length, crossDomainFallback };
}

async function search(
  scope: MemoryScope,
  plan: QueryPlan,
  filter: CandidateFilter,
): Promise<[ScoredId[], ScoredId[]]> {
  const { storage, config } = scope.runtime;
  const pool = config.ranking.candidatePoolSize;
  return Promise.all([
    config.ranking.lexicalSearch && plan.terms.length > 0
      ? storage.searchEpisodesByText(scope.namespace, plan.terms, filter, pool)
      : Promise.resolve([]),
    plan.vector
      ? storage.searchEpisodesByVector(scope.namespace, plan.vector, filter, pool)
      : Promise.resolve([]),
  ]);
}

/** The in-domain hits first, then the wider ones not already present. */
function mergeHits(first: readonly ScoredId[], second: readonly ScoredId[]): ScoredId[] {
  const seen = new Set(first.map((hit) => hit.id));
  return [...first, ...second.filter((hit) => !seen.has(hit.id))];
}
