import type { Episode } from '../domain/episode.js';
import type { SalientFeatures } from '../domain/learning-records.js';
import { isSuccessfulStep } from '../domain/step.js';
import { countSteps, orderedSteps } from './step-stats.js';

const PRIORITY_TOOLS = 3;

/** What was learned: the recovery that worked, the kind of task, which tools to prioritise next time. */
export function reflectInsights(episode: Episode, features: SalientFeatures): string[] {
  const insights: string[] = [];
  const { domain, complexity } = episode.context;
  const recovery = features.errorRecoveries[0];
  if (recovery)
    insights.push(`Recovered from a ${recovery.errorTool} failure using ${recovery.recoveryTool}`);
  insights.push(
    `${capitalise(complexity)} ${episode.taskType.replace(/_/g, ' ')} task in the ${domain} domain`,
  );
  const outcome = episode.outcome?.type;
  if (outcome === 'success' || outcome === 'partial_success') {
    const tools = [
      ...new Set(
        orderedSteps(episode.steps)
          .filter(isSuccessfulStep)
          .map((step) => step.tool),
      ),
    ].slice(0, PRIORITY_TOOLS);
    if (tools.length > 0) insights.push(`For similar ${domain} tasks prioritise ${tools.join(', ')}`);
  }
  if (episode.outcome?.type === 'abstained' && episode.outcome.infeasibilitySignals.length > 0) {
    insights.push(
      `Signals that the task was infeasible: ${episode.outcome.infeasibilitySignals.slice(0, 5).join(', ')}`,
    );
  }
  const { total, successful } = countSteps(episode.steps);
  if (total >= 2 && successful / total < 0.5) {
    insights.push(
      `Only ${Math.round((100 * successful) / total)}% of steps succeeded: check preconditions before acting`,
    );
  }
  return insights;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
