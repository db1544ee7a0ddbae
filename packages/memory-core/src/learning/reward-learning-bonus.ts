import type { Episode } from '../domain/episode.js';
import { countSteps, durationSeconds, hasRecovery, orderedSteps } from './step-stats.js';

const MAX_LEARNING_BONUS = 0.5;

/**
 * What the episode can teach, capped at 0.5: ≥ 3 steps with ≥ 5 distinct tools +0.15 (≥ 3 tools +0.1); step
 * success rate > 0.9 over ≥ 5 steps +0.2; a failed step followed by a successful one +0.15; done in under 30 s
 * with 1–9 steps +0.1.
 */
export function learningBonus(episode: Episode): number {
  const steps = orderedSteps(episode.steps);
  const { total, successful, distinctTools } = countSteps(steps);
  let bonus = 0;
  if (total >= 3 && distinctTools >= 5) bonus += 0.15;
  else if (total >= 3 && distinctTools >= 3) bonus += 0.1;
  if (total >= 5 && successful / total > 0.9) bonus += 0.2;
  if (hasRecovery(steps)) bonus += 0.15;
  const seconds = durationSeconds(episode);
  if (seconds !== undefined && seconds < 30 && total >= 1 && total <= 9) bonus += 0.1;
  return Math.min(MAX_LEARNING_BONUS, bonus);
}
