import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderReport, runEval } from '@slm/eval';
import { MemoryError } from '@slm/memory-core';
import { type Command, Option } from 'commander';
import type { CliContext } from '../cli-context.js';
import { globalOptions } from '../config/global-options.js';
import { emit } from '../output/emit.js';
import { createProgress } from '../output/progress-bar.js';
import { positiveInteger } from '../parse/positive-integer.js';
import { evalProgressReporter, evalProgressTotal } from '../tooling/eval-progress.js';
import { findUpward, hasFiles } from '../tooling/find-upward.js';

interface EvalOptions {
  split: 'dev' | 'test';
  data?: string;
  subset?: number;
  rounds: number;
  signals?: boolean;
}

const DATASET = 'shared/datasets/tau-bench';

/**
 * `memory-cli eval`: the retrieval and learning evaluation of tooling/eval (the same harness as `pnpm eval`,
 * with the same options), on in-memory memories — it never touches the configured store.
 */
export function registerEvalCommand(program: Command, context: CliContext): void {
  program
    .command('eval')
    .description('run the retrieval and learning evaluation on τ-bench (as `pnpm eval`)')
    .addOption(
      new Option('--split <split>', 'queries: test (reported) or dev (for tuning)')
        .choices(['dev', 'test'])
        .default('test'),
    )
    .option(
      '--data <dir>',
      `τ-bench directory (default: SLM_EVAL_DATA, else ${DATASET} above the working directory)`,
    )
    .option('--subset <n>', 'only the first n tasks, queries and runs (a quick smoke run)', positiveInteger)
    .option('--rounds <n>', 'learning-curve rounds', positiveInteger, 5)
    .option('--signals', 'also measure each re-scoring signal alone')
    .action(async (options: EvalOptions, command: Command) => {
      const json = globalOptions(command).json ?? false;
      const dataDir = datasetDirectory(options.data, context.io.env);
      const shape = { signals: options.signals ?? false, rounds: options.rounds };
      const progress = createProgress(context.io, 'eval', 'steps', evalProgressTotal(shape));
      const report = await runEval({
        dataDir,
        split: options.split,
        rounds: options.rounds,
        signals: shape.signals,
        ...(options.subset === undefined ? {} : { subset: options.subset }),
        progress: evalProgressReporter(progress, shape),
      });
      progress.finish();
      emit(context.io, json, report, () => renderReport(report));
    });
}

/** `--data`, else SLM_EVAL_DATA, else the dataset beside the checkout (searched from here and from the CLI). */
function datasetDirectory(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const found = findUpward([process.cwd(), here], (directory) => hasFiles(directory, DATASET));
  const chosen = flag ?? env['SLM_EVAL_DATA'] ?? (found && resolve(found, DATASET));
  if (chosen === undefined || !statSync(chosen, { throwIfNoEntry: false })?.isDirectory()) {
    throw new MemoryError(
      'CONFIG_INVALID',
      `τ-bench dataset not found${chosen ? ` at ${resolve(chosen)}` : ''}: pass --data DIR or set SLM_EVAL_DATA to the directory holding retail_tasks_train.json`,
    );
  }
  return resolve(chosen);
}
