import type { TauRun } from './tau-runs.js';

export interface RunSplit {
  memory: TauRun[];
  heldOut: TauRun[];
}

/**
 * Holds one trial of every task out of memory: the highest trial number for the test split, the lowest for
 * dev (the same 200 runs either way — the dev split only gives different queries to look at while adjusting),
 * or the trial at a given position of the task's sorted trials (cross-validation folds, wrapping around).
 */
export function leaveOneTrialOut(
  runs: readonly TauRun[],
  which: 'highest' | 'lowest' | { position: number },
): RunSplit {
  const byTask = new Map<number, TauRun[]>();
  for (const run of runs) byTask.set(run.taskId, [...(byTask.get(run.taskId) ?? []), run]);
  const chosen = new Map<number, TauRun>();
  for (const [taskId, trials] of byTask) {
    const sorted = [...trials].sort((left, right) => left.trial - right.trial);
    const position =
      which === 'lowest' ? 0 : which === 'highest' ? sorted.length - 1 : which.position % sorted.length;
    chosen.set(taskId, sorted[position]!);
  }
  const heldOut = new Set(chosen.values());
  return {
    memory: runs.filter((run) => !heldOut.has(run)),
    heldOut: [...chosen.values()].sort((left, right) => left.taskId - right.taskId),
  };
}
