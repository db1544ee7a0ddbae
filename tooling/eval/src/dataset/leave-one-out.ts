import type { TauRun } from './tau-runs.js';

export interface RunSplit {
  memory: TauRun[];
  heldOut: TauRun[];
}

/**
 * Holds one trial of every task out of memory: the highest trial number for the test split, the lowest for
 * dev (the same 200 runs either way — the dev split only gives different queries to look at while adjusting).
 */
export function leaveOneTrialOut(runs: readonly TauRun[], which: 'highest' | 'lowest'): RunSplit {
  const chosen = new Map<number, TauRun>();
  for (const run of runs) {
    const current = chosen.get(run.taskId);
    const better =
      which === 'highest'
        ? run.trial > (current?.trial ?? -Infinity)
        : run.trial < (current?.trial ?? Infinity);
    if (better) chosen.set(run.taskId, run);
  }
  const heldOut = new Set(chosen.values());
  return {
    memory: runs.filter((run) => !heldOut.has(run)),
    heldOut: [...chosen.values()].sort((left, right) => left.taskId - right.taskId),
  };
}
