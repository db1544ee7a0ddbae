import type { Episode } from '../domain/episode.js';
import type { SalientFeatures } from '../domain/learning-records.js';
import { countSteps, durationSeconds } from './step-stats.js';

/** What went well: verdict, artifacts, a high step success rate, an effective tool sequence, a quick run. */
export function reflectSuccesses(episode: Episode, features: SalientFeatures): string[] {
  const successes: string[] = [];
  const outcome = episode.outcome;
  if (outcome?.type === 'success') {
    successes.push(outcome.verdict ? `Completed the task: ${outcome.verdict}` : 'Completed the task');
    if (outcome.artifacts.length > 0) {
      successes.push(
        `Produced ${outcome.artifacts.length} artifact(s): ${outcome.artifacts.slice(0, 3).join(', ')}`,
      );
    }
  } else if (outcome?.type === 'partial_success') {
    successes.push(
      outcome.verdict ? `Partly completed the task: ${outcome.verdict}` : 'Partly completed the task',
    );
    if (outcome.completed.length > 0) {
      successes.push(
        `Completed ${outcome.completed.length} subtask(s): ${outcome.completed.slice(0, 3).join(', ')}`,
      );
    }
  }
  const { total, successful } = countSteps(episode.steps);
  if (total >= 2 && successful / total >= 0.8) {
    successes.push(
      `High step success rate: ${Math.round((100 * successful) / total)}% (${successful}/${total} steps)`,
    );
  }
  const longest = longestCombination(features.toolCombinations);
  if (longest && (outcome?.type === 'success' || outcome?.type === 'partial_success')) {
    successes.push(`Effective tool sequence: ${longest.slice(0, 5).join(' → ')}`);
  }
  const seconds = durationSeconds(episode);
  if (seconds !== undefined && seconds < 30 && total > 0) {
    successes.push(`Efficient: ${total} step(s) in ${Math.round(seconds)} s`);
  }
  return successes;
}

function longestCombination(combinations: readonly string[][]): readonly string[] | undefined {
  let longest: readonly string[] | undefined;
  for (const tools of combinations)
    if (tools.length >= 2 && tools.length > (longest?.length ?? 0)) longest = tools;
  return longest;
}
