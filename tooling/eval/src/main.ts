/**
 * `pnpm eval`: the quality bar's learning and retrieval measures on τ-bench, through the public API.
 * Prints tables by default; `--json` prints exactly one JSON object on stdout. Progress always goes to stderr.
 */
import { parseCli, USAGE } from './cli/args.js';
import { resolveDataDir } from './cli/data-dir.js';
import { renderReport } from './report/render-report.js';
import { runEval } from './run-eval.js';

const progress = (message: string) => process.stderr.write(`${message}\n`);

try {
  const options = parseCli(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(USAGE);
  } else {
    const report = await runEval({
      dataDir: resolveDataDir(options.data),
      split: options.split,
      rounds: options.rounds,
      signals: options.signals,
      ...(options.subset === undefined ? {} : { subset: options.subset }),
      progress,
    });
    process.stdout.write(options.json ? `${JSON.stringify(report)}\n` : renderReport(report));
  }
} catch (error) {
  process.stderr.write(`eval: ${(error as Error).message}\n`);
  if (!(error instanceof Error) || error.name !== 'Error')
    process.stderr.write(`${(error as Error).stack ?? ''}\n`);
  process.exitCode = 1;
}
