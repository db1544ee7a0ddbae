import type { Episode } from '../domain/episode.js';
import type { RankingConfig } from '../memory/config.js';
import type { RankedEpisode, RetrievalWarning } from '../memory/results.js';
import { isFailure } from './outcome-score.js';
import { episodeTools, similarityScore } from './rank-episodes.js';

/**
 * Similar failures as warnings, ranked by how similar they are (every signal but the outcome, which is what
 * makes them warnings rather than exemplars): what went wrong (outcome reason, failing step, reflection) and what to do
 * instead (the reflection's advice, or the tools a successful similar task used).
 */
export function failureWarnings(
  ranked: readonly RankedEpisode[],
  bestSuccess: Episode | undefined,
  limit: number,
  ranking: RankingConfig,
): RetrievalWarning[] {
  return ranked
    .filter(({ episode }) => isFailure(episode))
    .map((candidate) => ({ ...candidate, score: similarityScore(candidate.breakdown, ranking) }))
    .sort((left, right) => right.score - left.score)
    .slice(0, limit)
    .map(({ episode, score }) => ({
      episodeId: episode.id,
      taskDescription: episode.taskDescription,
      whatWentWrong: whatWentWrong(episode),
      doInstead: doInstead(episode, bestSuccess),
      score,
    }));
}

function whatWentWrong(episode: Episode): string {
  const outcome = episode.outcome;
  const reason =
    outcome && (outcome.type === 'failure' || outcome.type === 'abstained') ? outcome.reason : '';
  const failedStep = episode.steps.find(
    (step) => step.result?.type === 'error' || step.result?.type === 'timeout',
  );
  const stepText =
    failedStep?.result?.type === 'error'
      ? `${failedStep.tool} failed: ${failedStep.result.message}`
      : failedStep
        ? `${failedStep.tool} timed out`
        : undefined;
  const improvement = episode.reflection?.improvements[0];
  return [reason, stepText, improvement].filter(Boolean).join('; ').slice(0, 500) || 'the task failed';
}

function doInstead(episode: Episode, bestSuccess: Episode | undefined): string {
  if (bestSuccess) {
    const tools = [...episodeTools(bestSuccess)];
    const missing = tools.filter((tool) => !episodeTools(episode).has(tool));
    const hint = missing.length > 0 ? ` (it used ${missing.join(', ')}, which the failed run did not)` : '';
    return `follow a successful similar task: ${tools.join(' → ')}${hint}`.slice(0, 500);
  }
  const insight = episode.reflection?.insights[0] ?? episode.reflection?.improvements[1];
  return insight ?? 'avoid repeating the failed steps; check preconditions before acting';
}
