import { maximalMarginalRelevance } from '../retrieval/mmr.js';
import { isFailure } from '../retrieval/outcome-score.js';
import { procedureFeedbackNamespace } from '../retrieval/procedure-feedback.js';
import { predictTools } from '../retrieval/procedure-prior.js';
import { rankEpisodes, type ScoredEpisode } from '../retrieval/rank-episodes.js';
import { rankPatterns, type ScoredPattern } from '../retrieval/rank-patterns.js';
import { failureWarnings } from '../retrieval/warnings.js';
import { findEpisodeCandidates } from './episode-candidates.js';
import type { QueryContext } from './inputs.js';
import { loadPatternCandidates, searchPatternHits } from './pattern-candidates.js';
import { planQuery, type QueryPlan } from './query-plan.js';
import type { RetrievalWarning } from './results.js';
import type { MemoryScope } from './runtime.js';

const WARNINGS = 3;

/** What the memory knows about a task: the shared first half of retrieval, playbooks and recommendations. */
export interface TaskAnalysis {
  plan: QueryPlan;
  /** Every re-scored candidate, best first (successes and failures). */
  ranked: ScoredEpisode[];
  /** Successful episodes worth imitating, diversified by MMR, at most `limit`. */
  exemplars: ScoredEpisode[];
  warnings: RetrievalWarning[];
  patterns: ScoredPattern[];
  predictions: Map<string, number>;
  /** Learned from feedback: how likely each playbook is to succeed (`+id`) or fail (`-id`) for this task. */
  procedureFeedback: Map<string, number>;
  lexicalHits: number;
  semanticHits: number;
  crossDomainFallback: boolean;
}

export interface TaskAnalysisOptions {
  limit: number;
  /** Patterns to rank (over-fetched for recommendations). */
  patternPool: number;
  feedbackBoost: boolean;
}

/**
 * Reports the procedure-feedback prior needs before it acts. Feedback is an agent saying outright that a
 * recommended playbook worked or failed, so it should count after a couple of reports, not after the five
 * episodes the tool prior waits for (with five, an agent could follow a failing playbook five times).
 */
const FEEDBACK_MIN_REPORTS = 2;

export async function analyseTask(
  scope: MemoryScope,
  text: string,
  context: QueryContext,
  options: TaskAnalysisOptions,
): Promise<TaskAnalysis> {
  const { runtime } = scope;
  const plan = await planQuery(runtime, text, context);
  const nowMs = runtime.clock.now();
  // The pattern searches need only the query: they run while the episodes are searched, loaded and ranked.
  const [episodes, patternHits] = await Promise.all([
    analyseEpisodes(scope, plan, { context, limit: options.limit, nowMs }),
    searchPatternHits(scope, plan, options.patternPool),
  ]);
  const patternCandidates = await loadPatternCandidates(scope, patternHits, options.patternPool, {
    fromEpisodes: episodes.successes,
  });
  const patterns = rankPatterns(patternCandidates, {
    context,
    predictions: episodes.predictions,
    nowMs,
    ranking: runtime.config.ranking,
    demotionThreshold: runtime.config.demotionThreshold,
    feedbackBoost: options.feedbackBoost,
  });
  const { found } = episodes;
  return {
    plan,
    ranked: episodes.ranked,
    exemplars: episodes.exemplars,
    warnings: episodes.warnings,
    patterns,
    predictions: episodes.predictions,
    procedureFeedback: episodes.procedureFeedback,
    lexicalHits: found.lexicalHits,
    semanticHits: found.semanticHits,
    crossDomainFallback: found.crossDomainFallback,
  };
}

/** Episode candidates searched, loaded and ranked, with the procedure priors that ranked them. */
async function analyseEpisodes(
  scope: MemoryScope,
  plan: QueryPlan,
  { context, limit, nowMs }: { context: QueryContext; limit: number; nowMs: number },
) {
  const { runtime } = scope;
  const [found, counts, feedbackCounts] = await Promise.all([
    findEpisodeCandidates(scope, plan, limit),
    runtime.storage.getProcedureCounts(scope.namespace, plan.terms),
    runtime.storage.getProcedureCounts(procedureFeedbackNamespace(scope.namespace), plan.terms),
  ]);
  const procedureFeedback = predictTools(feedbackCounts, plan.terms, FEEDBACK_MIN_REPORTS);
  const ranking = runtime.config.ranking;
  const predictions = ranking.priorWeight > 0 ? predictTools(counts, plan.terms) : new Map<string, number>();
  const ranked = rankEpisodes(found.candidates, { context, predictions, nowMs, ranking });
  const successes = ranked.filter((candidate) => !isFailure(candidate.episode));
  const exemplars = maximalMarginalRelevance(successes, ranking.mmrLambda, limit);
  const warnings = failureWarnings(ranked, exemplars[0]?.episode, WARNINGS, ranking);
  return { found, ranked, successes, exemplars, warnings, predictions, procedureFeedback };
}

/** One paragraph saying what was searched and what shaped the ranking. */
export function explainAnalysis(analysis: TaskAnalysis, namespace: string): string {
  const parts = [
    `Searched namespace "${namespace}": ${analysis.lexicalHits} full-text and ${analysis.semanticHits} vector candidates, fused by reciprocal rank and re-scored by context, outcome, recency and the learned procedure prior.`,
  ];
  const likely = [...analysis.predictions.entries()]
    .filter(([, probability]) => probability >= 0.5)
    .sort((left, right) => right[1] - left[1])
    .slice(0, 5)
    .map(([tool, probability]) => `${tool} (${probability.toFixed(2)})`);
  if (likely.length > 0) parts.push(`Tools this task likely needs: ${likely.join(', ')}.`);
  if (analysis.crossDomainFallback) {
    parts.push(
      `Few matches in domain "${analysis.plan.context.domain}", so other domains were searched (results marked cross-domain).`,
    );
  }
  if (analysis.ranked.length === 0) parts.push('Nothing relevant is stored yet.');
  if (analysis.warnings.length > 0)
    parts.push(`${analysis.warnings.length} similar failure(s) are listed as warnings.`);
  return parts.join(' ');
}
