import { join } from 'node:path';
import type { Benchmark } from '../benchmark/types.js';
import { readJsonFile } from './json-file.js';
import { leaveOneTrialOut } from './leave-one-out.js';
import { runEpisode, runQuery, taskEpisode, taskQuery } from './tau-episodes.js';
import { procedureSignature } from './tau-procedure.js';
import { parseTauRuns, type TauRun } from './tau-runs.js';
import { parseTauTasks } from './tau-tasks.js';

/** `cv`: folds of the training tasks, queried against the other folds; never touches dev or test. */
export type Split = 'dev' | 'test' | 'cv';

/** Folds of the cross-validation split. */
export const CV_FOLDS = 5;

export interface TauBenchOptions {
  dataDir: string;
  split: Split;
  /** With `cv`: which fold (0-based, below `CV_FOLDS`) holds the queries. */
  fold?: number;
  /** Keep only the first N train tasks, N queries and N run tasks (smoke tests). */
  subset?: number;
}

export interface TauBench {
  /** Retail: train tasks as successful episodes, the split's tasks as queries. */
  procedures: Benchmark;
  /** Airline: recorded runs with one trial per task held out as the query. */
  runs: Benchmark;
}

/** The τ-bench adapter: turns the dataset's files into the harness's generic benchmarks. */
export function loadTauBench(options: TauBenchOptions): TauBench {
  const take = <T>(items: T[]): T[] =>
    options.subset === undefined ? items : items.slice(0, options.subset);
  const file = (name: string) => join(options.dataDir, name);
  const allTrain = take(
    parseTauTasks(readJsonFile(file('retail_tasks_train.json')), 'retail_tasks_train.json'),
  );
  const fold = options.fold ?? 0;
  // Cross-validation: training task i belongs to fold i mod CV_FOLDS; the fold's tasks become the queries.
  const inFold = (index: number) => options.split === 'cv' && index % CV_FOLDS === fold;
  const numbered = allTrain.map((task, index) => ({ task, index }));
  const train = numbered.filter(({ index }) => !inFold(index));
  const queries =
    options.split === 'cv'
      ? numbered.filter(({ index }) => inFold(index))
      : take(splitTasks(file, options.split)).map((task, index) => ({ task, index }));
  const allRuns = parseTauRuns(readJsonFile(file('gpt-4o-airline.json')), 'gpt-4o-airline.json');
  const runs = subsetRunsByTask(allRuns, options.subset);
  const split = leaveOneTrialOut(runs, heldOutTrial(options.split, fold));
  return {
    procedures: {
      name: `retail ${options.split}`,
      episodes: train.map(({ task, index }) => taskEpisode(task, `train-${index}`, 'retail')),
      queries: queries.map(({ task, index }) => taskQuery(task, `${options.split}-${index}`, 'retail')),
      groupOfTools: procedureSignature,
    },
    runs: {
      name: 'airline runs',
      episodes: split.memory.map((run) => runEpisode(run, 'airline')),
      queries: split.heldOut.map((run) => runQuery(run, 'airline')),
      groupOfTools: procedureSignature,
    },
  };
}

function splitTasks(file: (name: string) => string, split: 'dev' | 'test') {
  const name = `retail_tasks_${split}.json`;
  return parseTauTasks(readJsonFile(file(name)), name);
}

/** Test holds out the last trial, dev the first, each cross-validation fold the next one in turn. */
function heldOutTrial(split: Split, fold: number): 'highest' | 'lowest' | { position: number } {
  if (split === 'test') return 'highest';
  return split === 'dev' ? 'lowest' : { position: fold };
}

/** The runs of the first N task ids (all trials of each, so leave-one-out still works). */
function subsetRunsByTask(runs: TauRun[], subset: number | undefined): TauRun[] {
  if (subset === undefined) return runs;
  const kept = new Set([...new Set(runs.map((run) => run.taskId))].sort((a, b) => a - b).slice(0, subset));
  return runs.filter((run) => kept.has(run.taskId));
}
