import type { Episode } from '../domain/episode.js';
import type { QualityScore } from '../domain/learning-records.js';
import type { PatternContribution } from '../domain/pattern.js';
import { clampUnit } from './clamp.js';
import { countSteps } from './step-stats.js';

/**
 * How much an episode is worth learning from, in [0, 1] (domain.md, Quality score; the original's PREMem parts):
 * `0.25·complexity + 0.20·diversity + 0.20·errorRate + 0.20·reflectionDepth + 0.15·novelty`. Assessed after
 * reflection and pattern extraction, so both parts are reachable.
 */
export function assessQuality(episode: Episode, contributions: readonly PatternContribution[]): QualityScore {
  const counts = countSteps(episode.steps);
  const complexity = clampUnit(stepCountScore(counts.total) + toolCountScore(counts.distinctTools));
  const diversity = stepDiversity(episode, counts.successful, counts.failed);
  const errorRate = errorHandling(counts.total, counts.successful, counts.failed);
  const reflectionDepth = reflectionScore(episode);
  const novelty = noveltyScore(contributions.length);
  const score = clampUnit(
    0.25 * complexity + 0.2 * diversity + 0.2 * errorRate + 0.2 * reflectionDepth + 0.15 * novelty,
  );
  return { score, complexity, diversity, errorRate, reflectionDepth, novelty };
}

/** Half of complexity: more steps, up to 0.5 at over 20. */
function stepCountScore(steps: number): number {
  if (steps <= 2) return 0.1;
  if (steps <= 5) return 0.25;
  if (steps <= 10) return 0.35;
  if (steps <= 20) return 0.45;
  return 0.5;
}

/** The other half: more distinct tools, up to 0.5 at over 10. */
function toolCountScore(tools: number): number {
  if (tools <= 1) return 0.1;
  if (tools <= 3) return 0.25;
  if (tools <= 6) return 0.35;
  if (tools <= 10) return 0.45;
  return 0.5;
}

/** 0.6 × share of distinct actions + 0.4 × result variety (both successes and failures 0.5, one kind 0.3). */
function stepDiversity(episode: Episode, successful: number, failed: number): number {
  if (episode.steps.length === 0) return 0;
  const actions = new Set(episode.steps.map((step) => step.action)).size / episode.steps.length;
  const results = successful > 0 && failed > 0 ? 0.5 : successful > 0 || failed > 0 ? 0.3 : 0;
  return clampUnit(0.6 * actions + 0.4 * results);
}

/**
 * Error handling, as the original scored it: a few recovered errors (< 20 %, successes outnumbering them) teach
 * most (1.0); no errors 0.9; < 40 % 0.6; < 60 % with some success 0.4; otherwise 0.2; no steps 0.5.
 */
function errorHandling(total: number, successful: number, failed: number): number {
  if (total === 0) return 0.5;
  const rate = failed / total;
  if (rate === 0) return 0.9;
  if (rate < 0.2 && successful > failed) return 1;
  if (rate < 0.4) return 0.6;
  if (rate < 0.6 && successful > 0) return 0.4;
  return 0.2;
}

/** Reflection items in total: none 0, 1–2 0.3, 3–5 0.6, 6–10 0.8, more 1. */
function reflectionScore(episode: Episode): number {
  const reflection = episode.reflection;
  if (!reflection) return 0;
  const items = reflection.successes.length + reflection.improvements.length + reflection.insights.length;
  if (items === 0) return 0;
  if (items <= 2) return 0.3;
  if (items <= 5) return 0.6;
  if (items <= 10) return 0.8;
  return 1;
}

/** Patterns the episode contributes: none 0.2, 1–2 0.5, 3–5 0.75, more 1. */
function noveltyScore(patterns: number): number {
  if (patterns === 0) return 0.2;
  if (patterns <= 2) return 0.5;
  if (patterns <= 5) return 0.75;
  return 1;
}
