/** `@slm/eval`: the evaluation harness as a library (memory-cli eval calls `runEval`). */
export type { Benchmark, EvalEpisode, EvalQuery } from './benchmark/types.js';
export { DEFAULT_DATA_DIR, resolveDataDir } from './cli/data-dir.js';
export { loadTauBench, type Split } from './dataset/tau-bench.js';
export { renderReport } from './report/render-report.js';
export type { EvalReport, VariantScores } from './report/types.js';
export { PUBLISHED_BASELINES, TARGETS } from './report/types.js';
export { type EvalOptions, runEval } from './run-eval.js';
