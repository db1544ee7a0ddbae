import type { Episode } from '@slm/memory-core';
import * as contract from '@slm/storage-contract/fixtures';

export const NS = 'cache-tests';
export const DIMENSIONS = 8;

export const { at, step } = contract;

/** An open episode; `minute` orders episodes in listings (newest first). */
export function episode(minute = 0, overrides: Partial<Episode> = {}): Episode {
  return contract.episode({
    namespace: NS,
    taskDescription: `Fix the failing checkout test ${minute}`,
    startedAt: at(minute),
    ...overrides,
  });
}
