import type { Episode } from '../domain/episode.js';
import { type ExecutionStep, isFailedStep } from '../domain/step.js';
import { stepErrorClass } from './patterns/error-class.js';
import { countSteps, durationSeconds } from './step-stats.js';

const SLOW_STEP_FACTOR = 3;
const SLOW_STEP_MS = 1_000;
const REDUNDANT_CALLS = 5;
const LONG_RUN_SECONDS = 300;

/**
 * What to do better: the failure reason, the tools that failed, repeated errors, slow steps (> 3× the average
 * and > 1 s), a tool called over and over, a long run. A failed or partial task always gets at least one.
 */
export function reflectImprovements(episode: Episode): string[] {
  const improvements = [...outcomeImprovements(episode), ...stepImprovements(episode.steps)];
  const seconds = durationSeconds(episode);
  if (seconds !== undefined && seconds > LONG_RUN_SECONDS) {
    improvements.push(`Took ${Math.round(seconds)} s: look for steps to skip or run in parallel`);
  }
  if (improvements.length === 0 && episode.outcome !== undefined && episode.outcome.type !== 'success') {
    improvements.push('Review the approach before retrying similar tasks');
  }
  return improvements;
}

function outcomeImprovements(episode: Episode): string[] {
  const outcome = episode.outcome;
  switch (outcome?.type) {
    case 'failure':
      return [`Task failed: ${outcome.reason || 'no reason given'}`];
    case 'abstained':
      return [`Stopped at step ${outcome.stoppedAtStep}: ${outcome.reason || 'no reason given'}`];
    case 'partial_success':
      return outcome.failed.length > 0
        ? [`Did not complete ${outcome.failed.length} subtask(s): ${outcome.failed.slice(0, 3).join(', ')}`]
        : [];
    default:
      return [];
  }
}

function stepImprovements(steps: readonly ExecutionStep[]): string[] {
  const improvements: string[] = [];
  const { total, failed } = countSteps(steps);
  if (failed > 0) {
    const tools = [...new Set(steps.filter(isFailedStep).map((step) => step.tool))].slice(0, 3);
    improvements.push(`${failed} of ${total} step(s) failed (${tools.join(', ')})`);
  }
  const repeated = mostFrequent(steps.map(stepErrorClass).filter((error) => error !== undefined));
  if (repeated && repeated.count >= 2)
    improvements.push(`Repeated error (${repeated.count} times): ${repeated.value}`);
  const slow = slowestStep(steps);
  if (slow) improvements.push(slow);
  const busiest = mostFrequent(steps.map((step) => step.tool));
  if (busiest && busiest.count >= REDUNDANT_CALLS) {
    improvements.push(`${busiest.value} was called ${busiest.count} times: batch the calls or reuse results`);
  }
  return improvements;
}

function slowestStep(steps: readonly ExecutionStep[]): string | undefined {
  if (steps.length === 0) return undefined;
  let slowest = steps[0]!;
  let sum = 0;
  for (const step of steps) {
    sum += step.latencyMs;
    if (step.latencyMs > slowest.latencyMs) slowest = step;
  }
  const average = sum / steps.length;
  if (slowest.latencyMs <= SLOW_STEP_MS || slowest.latencyMs <= SLOW_STEP_FACTOR * average) return undefined;
  return `Slow step: ${slowest.tool} took ${Math.round(slowest.latencyMs)} ms (average ${Math.round(average)} ms)`;
}

function mostFrequent(values: readonly string[]): { value: string; count: number } | undefined {
  const counts = new Map<string, number>();
  let best: { value: string; count: number } | undefined;
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (!best || count > best.count) best = { value, count };
  }
  return best;
}
