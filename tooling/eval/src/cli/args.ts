import { parseArgs } from 'node:util';
import type { Split } from '../dataset/tau-bench.js';

export interface CliOptions {
  json: boolean;
  data: string | undefined;
  split: Split;
  subset: number | undefined;
  rounds: number;
  signals: boolean;
  help: boolean;
}

export const USAGE = `Usage: pnpm eval [--json] [--split dev|test|cv] [--data DIR] [--subset N] [--rounds N] [--signals]

  --json       print exactly one JSON object on stdout (progress goes to stderr)
  --split      which retail tasks to query with: test (default, what is reported), dev (20 tasks), or cv
               (5-fold cross-validation over the 500 training tasks: the split to adjust anything on)
  --data DIR   the τ-bench directory (default: ../shared/datasets/tau-bench beside the repository, or
               SLM_EVAL_DATA)
  --subset N   only the first N train tasks, queries and run tasks (a quick smoke run)
  --rounds N   learning-curve rounds (default 5)
  --signals    also measure each re-scoring signal alone on top of the fused relevance
`;

/** Parses the command line; throws with the usage on anything it does not understand. */
export function parseCli(argv: readonly string[]): CliOptions {
  const { values } = parseArgs({
    args: argv.filter((arg) => arg !== '--'),
    strict: true,
    options: {
      json: { type: 'boolean', default: false },
      data: { type: 'string' },
      split: { type: 'string', default: 'test' },
      subset: { type: 'string' },
      rounds: { type: 'string', default: '5' },
      signals: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.split !== 'dev' && values.split !== 'test' && values.split !== 'cv')
    throw new Error(`--split must be dev, test or cv, not "${values.split}"`);
  return {
    json: values.json,
    data: values.data,
    split: values.split,
    subset: values.subset === undefined ? undefined : positiveInteger(values.subset, '--subset'),
    rounds: positiveInteger(values.rounds, '--rounds'),
    signals: values.signals,
    help: values.help,
  };
}

function positiveInteger(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${flag} must be a positive integer, not "${text}"`);
  return value;
}
