import type { Episode, PatternContribution } from '@slm/memory-core';
import * as contract from '@slm/storage-contract/fixtures';

export const NS = 'cache-tests';
export const DIMENSIONS = 8;

export const { at, axis, newId, step } = contract;

/** An open episode; `minute` orders episodes in listings (newest first). */
export function episode(minute = 0, overrides: Partial<Episode> = {}): Episode {
  return contract.episode({
    namespace: NS,
    taskDescription: `Fix the failing checkout test ${minute}`,
    startedAt: at(minute),
    ...overrides,
  });
}

/** A completed episode, a candidate of the default search filter. */
export function completedEpisode(minute = 0, overrides: Partial<Episode> = {}): Episode {
  return contract.completed(episode(minute, overrides));
}

/** The episode as completion would write it. */
export const completed = (open: Episode) => contract.completed(open);

export function patternContribution(overrides: Partial<PatternContribution> = {}): PatternContribution {
  return contract.patternContribution({ namespace: NS, ...overrides });
}
