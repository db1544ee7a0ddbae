import type { Episode } from '../domain/episode.js';
import { clamp } from './clamp.js';
import { countSteps } from './step-stats.js';

/**
 * Evidence that the work is good, in [0.5, 1.5]. For a success: a test or coverage artifact +0.1, ≥ 3
 * artifacts +0.05, `metadata.test_coverage` > 80 +0.15 (> 60 +0.1). For every episode with steps: step error
 * rate > 0.3 −0.2, > 0.1 −0.1, exactly 0 +0.1.
 */
export function qualityMultiplier(episode: Episode): number {
  let quality = 1;
  if (episode.outcome?.type === 'success') {
    const artifacts = episode.outcome.artifacts;
    if (artifacts.some((artifact) => /test|coverage/i.test(artifact))) quality += 0.1;
    if (artifacts.length >= 3) quality += 0.05;
    quality += coverageBonus(episode.metadata['test_coverage']);
  }
  const { total, failed } = countSteps(episode.steps);
  if (total > 0) {
    const errorRate = failed / total;
    if (errorRate > 0.3) quality -= 0.2;
    else if (errorRate > 0.1) quality -= 0.1;
    else if (errorRate === 0) quality += 0.1;
  }
  return clamp(quality, 0.5, 1.5);
}

function coverageBonus(coverage: string | undefined): number {
  const percent = coverage === undefined ? Number.NaN : Number.parseFloat(coverage);
  if (percent > 80) return 0.15;
  if (percent > 60) return 0.1;
  return 0;
}
