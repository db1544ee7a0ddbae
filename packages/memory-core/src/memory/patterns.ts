import type { Heuristic } from '../domain/heuristic.js';
import { describePattern, type Pattern, patternSuccessRate } from '../domain/pattern.js';
import { patternEffectiveness } from '../learning/effectiveness.js';
import { wilsonLowerBound } from '../learning/wilson.js';
import { synthesisePlaybooks } from '../retrieval/playbook.js';
import { predictTools } from '../retrieval/procedure-prior.js';
import { rankPatterns } from '../retrieval/rank-patterns.js';
import type { HeuristicFilter, PatternFilter } from '../storage/filters.js';
import type { Page, PageRequest } from '../storage/page.js';
import {
  type AnalogousPatternsInput,
  AnalogousPatternsInputSchema,
  PageRequestSchema,
  type PatternQueryInput,
  PatternQueryInputSchema,
  type RecommendPatternsInput,
  RecommendPatternsInputSchema,
  type RecommendPlaybookInput,
  RecommendPlaybookInputSchema,
} from './inputs.js';
import { findPatternCandidates } from './pattern-candidates.js';
import { planQuery } from './query-plan.js';
import type {
  PatternExplanation,
  PatternRecommendations,
  PlaybookRecommendations,
  RankedPattern,
} from './results.js';
import type { MemoryScope } from './runtime.js';
import { openSession } from './sessions.js';
import { analyseTask } from './task-analysis.js';
import { recordRetrievals } from './usage.js';
import { notFound, parseInput, requireId } from './validation.js';

/** Recommendations over-fetch this many times the limit before the feedback boost re-ranks them. */
const OVER_FETCH = 3;

/** Patterns matching a query, ranked (search: no session, no feedback boost). */
export async function searchPatterns(scope: MemoryScope, input: PatternQueryInput): Promise<RankedPattern[]> {
  const query = parseInput(PatternQueryInputSchema, input, 'pattern query');
  const { runtime } = scope;
  const plan = await planQuery(runtime, query.query, query.context);
  const [candidates, counts] = await Promise.all([
    findPatternCandidates(scope, plan, query.limit * OVER_FETCH, query.types ? { types: query.types } : {}),
    runtime.storage.getProcedureCounts(scope.namespace, plan.terms),
  ]);
  const ranked = rankPatterns(candidates, {
    context: query.context,
    predictions: predictTools(counts, plan.terms),
    nowMs: runtime.clock.now(),
    ranking: runtime.config.ranking,
    demotionThreshold: runtime.config.demotionThreshold,
    feedbackBoost: false,
  })
    .slice(0, query.limit)
    .map(({ vector: _vector, ...rest }) => rest);
  recordRetrievals(scope, ranked);
  return ranked;
}

/** Patterns to apply to a task, re-ranked with the learned feedback boost; a session when given an episode. */
export async function recommendPatterns(
  scope: MemoryScope,
  input: RecommendPatternsInput,
): Promise<PatternRecommendations> {
  const query = parseInput(RecommendPatternsInputSchema, input, 'pattern recommendation');
  const analysis = await analyseTask(scope, query.query, query.context, {
    limit: query.limit,
    patternPool: query.limit * OVER_FETCH,
    feedbackBoost: true,
  });
  const patterns = analysis.patterns
    .filter(({ pattern }) => !query.types || query.types.includes(pattern.type))
    .slice(0, query.limit)
    .map(({ vector: _vector, ...rest }) => rest);
  recordRetrievals(scope, patterns);
  if (!query.episodeId) return { patterns };
  const sessionId = await openSession(scope, query.episodeId, {
    query: query.query,
    patternIds: patterns.map(({ pattern }) => pattern.id),
    playbookIds: [],
    episodeIds: analysis.exemplars.map(({ episode }) => episode.id),
  });
  return { sessionId, patterns };
}

/** Step-by-step playbooks for a task (at most `maxPlaybooks`); a session when given an episode. */
export async function recommendPlaybook(
  scope: MemoryScope,
  input: RecommendPlaybookInput,
): Promise<PlaybookRecommendations> {
  const query = parseInput(RecommendPlaybookInputSchema, input, 'playbook recommendation');
  const { runtime } = scope;
  const analysis = await analyseTask(scope, query.taskDescription, query.context, {
    limit: 10,
    patternPool: 30,
    feedbackBoost: true,
  });
  const playbooks = synthesisePlaybooks({
    episodes: analysis.ranked,
    patterns: analysis.patterns,
    warnings: analysis.warnings,
    maxSteps: query.maxSteps,
    maxPlaybooks: query.maxPlaybooks,
    feedbackBoostWeight: runtime.config.ranking.feedbackBoostWeight,
    procedureFeedback: analysis.procedureFeedback,
  });
  const supporting = new Set(playbooks.flatMap((playbook) => playbook.supportingPatternIds));
  recordRetrievals(
    scope,
    analysis.patterns.filter(({ pattern }) => supporting.has(pattern.id)),
  );
  if (!query.episodeId) return { playbooks };
  const sessionId = await openSession(scope, query.episodeId, {
    query: query.taskDescription,
    patternIds: [...supporting],
    playbookIds: playbooks.map((playbook) => playbook.id),
    episodeIds: playbooks.flatMap((playbook) => playbook.supportingEpisodeIds),
  });
  return { sessionId, playbooks };
}

/**
 * Patterns proven in `sourceDomain` that could carry over to another context: ranked by relevance to the
 * target's description (when given), context fit apart from the domain, success and effectiveness.
 */
export async function discoverAnalogousPatterns(
  scope: MemoryScope,
  input: AnalogousPatternsInput,
): Promise<RankedPattern[]> {
  const query = parseInput(AnalogousPatternsInputSchema, input, 'analogous pattern query');
  const { runtime } = scope;
  const { description, domain: _domain, ...targetContext } = query.targetContext;
  const text = description && description.trim().length > 0 ? description : query.sourceDomain;
  const plan = await planQuery(runtime, text, targetContext);
  const searched = await findPatternCandidates(scope, plan, query.limit * OVER_FETCH, {
    domains: [query.sourceDomain],
  });
  const known =
    searched.length > 0
      ? searched
      : (
          await runtime.storage.listPatterns(
            scope.namespace,
            { domains: [query.sourceDomain] },
            { limit: query.limit * OVER_FETCH },
          )
        ).items.map((pattern) => ({ pattern, lexical: 0, semantic: 0, fused: 0 }));
  return rankPatterns(known, {
    context: targetContext,
    predictions: new Map(),
    nowMs: runtime.clock.now(),
    ranking: runtime.config.ranking,
    demotionThreshold: runtime.config.demotionThreshold,
    feedbackBoost: true,
  })
    .slice(0, query.limit)
    .map(({ vector: _vector, ...rest }) => ({ ...rest, crossDomain: true }));
}

/** A pattern with the numbers behind it and the episodes it was learned from. */
export async function explainPattern(scope: MemoryScope, patternId: unknown): Promise<PatternExplanation> {
  const pattern = await getPattern(scope, patternId);
  const evidenceIds = pattern.sourceEpisodeIds.slice(-10).reverse();
  const episodes = await scope.runtime.storage.getEpisodes(scope.namespace, evidenceIds);
  const successRate = patternSuccessRate(pattern.stats);
  return {
    pattern,
    summary: `${describePattern(pattern)} — seen ${pattern.stats.occurrences} time(s), ${Math.round(successRate * 100)}% successful, applied ${pattern.effectiveness.timesApplied} time(s) after recommendation`,
    successRate,
    effectiveness: patternEffectiveness(pattern.effectiveness),
    confidence: wilsonLowerBound(pattern.stats.successes, pattern.stats.occurrences),
    evidence: episodes.map((episode) => ({
      episodeId: episode.id,
      taskDescription: episode.taskDescription,
      outcome: episode.outcome?.type ?? 'open',
    })),
  };
}

export async function getPattern(scope: MemoryScope, patternId: unknown): Promise<Pattern> {
  const id = requireId(patternId, 'patternId');
  const pattern = await scope.runtime.storage.getPattern(scope.namespace, id);
  if (!pattern) throw notFound('pattern', id);
  return pattern;
}

export function listPatterns(
  scope: MemoryScope,
  filter: PatternFilter = {},
  page: PageRequest = {},
): Promise<Page<Pattern>> {
  return scope.runtime.storage.listPatterns(
    scope.namespace,
    filter,
    parseInput(PageRequestSchema, page, 'page'),
  );
}

export function listHeuristics(
  scope: MemoryScope,
  filter: HeuristicFilter = {},
  page: PageRequest = {},
): Promise<Page<Heuristic>> {
  return scope.runtime.storage.listHeuristics(
    scope.namespace,
    filter,
    parseInput(PageRequestSchema, page, 'page'),
  );
}
