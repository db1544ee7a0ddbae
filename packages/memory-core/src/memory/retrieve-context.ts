import type { Episode } from '../domain/episode.js';
import { synthesisePlaybooks } from '../retrieval/playbook.js';
import { rankHeuristics } from '../retrieval/rank-heuristics.js';
import { estimateTokens, packWithinBudget } from '../retrieval/token-budget.js';
import { type RetrieveContextInput, RetrieveContextInputSchema } from './inputs.js';
import type { RankedEpisode, RankedHeuristic, RankedPattern, RetrievedContext } from './results.js';
import type { MemoryScope } from './runtime.js';
import { analyseTask, explainAnalysis } from './task-analysis.js';
import { recordRetrievals } from './usage.js';
import { parseInput } from './validation.js';

const HEURISTIC_CANDIDATES = 50;

/** The one call an agent makes before a task: exemplars, patterns, heuristics, a playbook and warnings. */
export async function retrieveContext(
  scope: MemoryScope,
  input: RetrieveContextInput,
): Promise<RetrievedContext> {
  const query = parseInput(RetrieveContextInputSchema, input, 'retrieval query');
  const { runtime, namespace } = scope;
  const startedMs = runtime.clock.now();
  // The heuristics depend on the query's domain alone: listed while the task is analysed.
  const [analysis, heuristicPage] = await Promise.all([
    analyseTask(scope, query.query, query.context, {
      limit: query.limit,
      patternPool: Math.max(20, query.limit * 3),
      feedbackBoost: false,
    }),
    runtime.storage.listHeuristics(
      namespace,
      {
        ...(query.context.domain ? { domains: [query.context.domain] } : {}),
        minConfidence: runtime.config.heuristicConfidenceFloor,
        minEvidence: 2,
      },
      { limit: HEURISTIC_CANDIDATES },
    ),
  ]);
  const [playbook] = synthesisePlaybooks({
    episodes: analysis.ranked,
    patterns: analysis.patterns,
    warnings: analysis.warnings,
    maxSteps: 10,
    maxPlaybooks: 1,
    feedbackBoostWeight: runtime.config.ranking.feedbackBoostWeight,
    procedureFeedback: analysis.procedureFeedback,
  });
  const result: RetrievedContext = {
    episodes: analysis.exemplars.map(stripVector),
    patterns: analysis.patterns.slice(0, query.limit).map(stripVector),
    heuristics: rankHeuristics(heuristicPage.items, analysis.plan.terms, query.limit),
    playbook: playbook ?? null,
    warnings: analysis.warnings,
    explanation: explainAnalysis(analysis, namespace),
  };
  recordRetrievals(scope, result.patterns);
  runtime.observer.retrieval?.(namespace, runtime.clock.now() - startedMs);
  return query.tokenBudget === undefined ? result : fitToBudget(result, query.tokenBudget);
}

function stripVector<T extends { vector?: Float32Array }>(ranked: T): Omit<T, 'vector'> {
  const { vector: _vector, ...rest } = ranked;
  return rest;
}

/**
 * Packs the answer into a token budget in priority order: playbook, warnings, exemplar episodes (compacted
 * when whole ones do not fit), patterns, heuristics. The explanation is always kept.
 */
function fitToBudget(result: RetrievedContext, tokenBudget: number): RetrievedContext {
  let remaining = tokenBudget - estimateTokens(result.explanation);
  let omitted = 0;
  let playbook = result.playbook;
  if (playbook) {
    const tokens = estimateTokens(playbook);
    if (tokens <= remaining) remaining -= tokens;
    else {
      playbook = null;
      omitted++;
    }
  }
  const take = <T>(items: ReadonlyArray<{ value: T; compact?: () => T }>): T[] => {
    const packed = packWithinBudget(items, remaining);
    remaining -= packed.tokens;
    omitted += packed.omitted;
    return packed.kept;
  };
  const warnings = take(result.warnings.map((value) => ({ value })));
  const episodes = take<RankedEpisode>(
    result.episodes.map((value) => ({
      value,
      compact: () => ({ ...value, episode: compactEpisode(value.episode) }),
    })),
  );
  const patterns = take<RankedPattern>(result.patterns.map((value) => ({ value })));
  const heuristics = take<RankedHeuristic>(result.heuristics.map((value) => ({ value })));
  return {
    ...result,
    playbook,
    warnings,
    episodes,
    patterns,
    heuristics,
    budget: { tokenBudget, tokensUsed: tokenBudget - remaining, omitted },
  };
}

/** An episode without step parameters and outputs, and at most 20 steps: enough to imitate, small to send. */
export function compactEpisode(episode: Episode): Episode {
  return {
    ...episode,
    steps: episode.steps.slice(0, 20).map(({ parameters: _parameters, result, ...step }) => ({
      ...step,
      parameters: {},
      ...(result
        ? {
            result:
              result.type === 'error'
                ? { type: 'error', message: result.message.slice(0, 200) }
                : { type: result.type },
          }
        : {}),
    })) as Episode['steps'],
    salientFeatures: undefined,
    metadata: {},
  };
}
