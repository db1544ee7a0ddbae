import type { Complexity } from '../domain/context.js';
import type { Episode } from '../domain/episode.js';
import type { RewardScore } from '../domain/learning-records.js';
import { abstentionAdjustment, baseReward } from './reward-base.js';
import { efficiencyMultiplier } from './reward-efficiency.js';
import { learningBonus } from './reward-learning-bonus.js';
import { qualityMultiplier } from './reward-quality-multiplier.js';

const COMPLEXITY_BONUS: Record<Complexity, number> = { simple: 1, moderate: 1.1, complex: 1.2 };

/**
 * The reward of an episode (domain.md, Reward):
 * `total = max(0, base + abstention) × efficiency × complexityBonus × qualityMultiplier + learningBonus`.
 * Never negative; every part is returned so that the score can be explained.
 */
export function computeReward(episode: Episode): RewardScore {
  const base = baseReward(episode.outcome);
  const abstention = abstentionAdjustment(episode);
  const efficiency = efficiencyMultiplier(episode);
  const complexityBonus = COMPLEXITY_BONUS[episode.context.complexity];
  const quality = qualityMultiplier(episode);
  const bonus = learningBonus(episode);
  const total = Math.max(0, base + abstention) * efficiency * complexityBonus * quality + bonus;
  return {
    total,
    base,
    efficiency,
    complexityBonus,
    qualityMultiplier: quality,
    learningBonus: bonus,
    abstention,
  };
}
