import type { Episode } from '../domain/episode.js';
import { outcomeSuccessValue } from '../domain/outcome.js';

/** Rewards above this are treated as full marks when scoring outcomes. */
const REWARD_SCALE = 2;

/**
 * How much an episode is worth imitating, in [0, 1]: mostly whether it succeeded, partly how well (reward).
 * Failures score 0 here; they surface as warnings instead.
 */
export function outcomeScore(episode: Episode): number {
  if (!episode.outcome) return 0;
  const success = outcomeSuccessValue(episode.outcome);
  if (success === 0) return 0;
  const reward = Math.min(1, (episode.reward?.total ?? 0) / REWARD_SCALE);
  return 0.7 * success + 0.3 * reward;
}

export function isFailure(episode: Episode): boolean {
  return episode.outcome?.type === 'failure' || episode.outcome?.type === 'abstained';
}
