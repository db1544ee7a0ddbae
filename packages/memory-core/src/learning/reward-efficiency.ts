import type { Episode } from '../domain/episode.js';
import { clamp } from './clamp.js';
import { durationSeconds } from './step-stats.js';

const MIN_EFFICIENCY = 0.5;
const MAX_EFFICIENCY = 1.5;
const EFFICIENT_SECONDS = 60;
const EFFICIENT_STEPS = 10;

/**
 * `clamp(0.5·d + 0.5·s, 0.5, 1.5)` with `d = 0.5 + exp(−(seconds/60)/2)` and `s = 0.5 + exp(−(steps/10)/2)`:
 * fast, short runs score up to 1.5, slow long ones down to 0.5. While the episode is open its duration is
 * unknown and `d` is neutral (1).
 */
export function efficiencyMultiplier(episode: Episode): number {
  const seconds = durationSeconds(episode);
  const durationScore = seconds === undefined ? 1 : 0.5 + Math.exp(-(seconds / EFFICIENT_SECONDS) / 2);
  const stepScore = 0.5 + Math.exp(-(episode.steps.length / EFFICIENT_STEPS) / 2);
  return clamp(0.5 * durationScore + 0.5 * stepScore, MIN_EFFICIENCY, MAX_EFFICIENCY);
}
