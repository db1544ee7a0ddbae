import {
  assessQuality,
  computeReward,
  type Episode,
  extractPatterns,
  extractSalientFeatures,
  ruleBasedReflection,
  uuidv7,
} from '@slm/memory-core';
import { completedEpisode, outcome } from '../workload.js';

/**
 * A completed episode carrying the learning records completion computes (salient features, reward,
 * reflection, quality) from memory-core's own pure functions, so that ranking sees what it would see after
 * `completeEpisode`. Its patterns are not merged into the store: that is the part import skips.
 */
export function learnedEpisode(next: () => number, endedAtMs: number): Episode {
  const ended = completedEpisode(next, 5 + Math.floor(next() * 10), {
    id: uuidv7(endedAtMs),
    endedAtMs,
    outcome: outcome(next),
  });
  const at = ended.endedAt!;
  const salientFeatures = extractSalientFeatures(ended);
  const reward = computeReward(ended);
  const reflection = ruleBasedReflection({ ...ended, reward, salientFeatures }, salientFeatures, at);
  const reflected: Episode = { ...ended, salientFeatures, reward, reflection };
  const contributions = extractPatterns(reflected, { newId: () => uuidv7(endedAtMs), at });
  return { ...reflected, quality: assessQuality(reflected, contributions) };
}
