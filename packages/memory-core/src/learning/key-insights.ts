import type { Episode } from '../domain/episode.js';
import type { SalientFeatures } from '../domain/learning-records.js';
import type { TaskOutcome } from '../domain/outcome.js';
import { type ExecutionStep, isFailedStep } from '../domain/step.js';
import { displayText } from './display-text.js';

const MAX_INSIGHTS = 10;
const MAX_CHARS = 300;

/**
 * Facts worth carrying forward: how the task ended, what it produced, how failures were recovered, which tools
 * kept failing, and any insights of an earlier reflection. Works on open episodes (checkpoints use it).
 * Distinct, at most 10.
 */
export function keyInsights(episode: Episode, recoveries: SalientFeatures['errorRecoveries']): string[] {
  const insights = [
    ...(episode.outcome ? outcomeInsights(episode.outcome) : []),
    ...recoveries
      .slice(0, 3)
      .map((recovery) => `Recovered from a ${recovery.errorTool} failure with ${recovery.recoveryTool}`),
    ...repeatedFailures(episode.steps),
    ...(episode.reflection?.insights ?? []),
  ];
  return [...new Set(insights.map((insight) => displayText(insight, MAX_CHARS)))]
    .filter(Boolean)
    .slice(0, MAX_INSIGHTS);
}

function outcomeInsights(outcome: TaskOutcome): string[] {
  switch (outcome.type) {
    case 'success':
      return [
        outcome.verdict ? `Succeeded: ${outcome.verdict}` : 'Succeeded',
        ...(outcome.artifacts.length > 0 ? [`Artifacts: ${outcome.artifacts.slice(0, 5).join(', ')}`] : []),
      ];
    case 'partial_success':
      return [
        `Partly succeeded (${outcome.completed.length} done, ${outcome.failed.length} not done)${outcome.verdict ? `: ${outcome.verdict}` : ''}`,
        ...(outcome.failed.length > 0 ? [`Not done: ${outcome.failed.slice(0, 5).join(', ')}`] : []),
      ];
    case 'failure':
      return [
        `Failed: ${outcome.reason || 'no reason given'}${outcome.errorDetails ? ` (${outcome.errorDetails})` : ''}`,
      ];
    case 'abstained':
      return [
        `Abstained at step ${outcome.stoppedAtStep}: ${outcome.reason || 'no reason given'}`,
        ...(outcome.infeasibilitySignals.length > 0
          ? [`Infeasibility signals: ${outcome.infeasibilitySignals.slice(0, 5).join(', ')}`]
          : []),
      ];
  }
}

/** Tools that failed at least twice, most failures first (at most two). */
function repeatedFailures(steps: readonly ExecutionStep[]): string[] {
  const failures = new Map<string, number>();
  for (const step of steps)
    if (isFailedStep(step)) failures.set(step.tool, (failures.get(step.tool) ?? 0) + 1);
  return [...failures]
    .filter(([, count]) => count >= 2)
    .sort((left, right) => right[1] - left[1])
    .slice(0, 2)
    .map(([tool, count]) => `${tool} failed ${count} times`);
}
