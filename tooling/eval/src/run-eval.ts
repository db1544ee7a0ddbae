import { performance } from 'node:perf_hooks';
import { bm25Baselines } from './baseline/bm25-baselines.js';
import { answerableQueries } from './benchmark/relevance.js';
import { meanOfFolds } from './cross-validation.js';
import { CV_FOLDS, loadTauBench, type Split } from './dataset/tau-bench.js';
import { RANK_DEPTH } from './measures/ranked-query.js';
import { createEvalMemory, ingestEpisodes } from './memory/eval-memory.js';
import { evaluateVariant, type VariantResult } from './memory/evaluate-variant.js';
import { measureLearningCurve } from './memory/learning-curve.js';
import { ABLATIONS, SIGNAL_ABLATIONS } from './memory/variants.js';
import { round } from './metrics/summary.js';
import { type EvalReport, PUBLISHED_BASELINES, type VariantScores } from './report/types.js';

export interface EvalOptions {
  dataDir: string;
  split: Split;
  /** Only the first N train tasks, queries and run tasks (smoke tests). */
  subset?: number;
  /** Learning-curve rounds (the quality bar asks for 5). */
  rounds?: number;
  /** Also measure each re-scoring signal alone on top of the fused relevance. */
  signals?: boolean;
  progress?: (message: string) => void;
}

/**
 * Runs every measure of the quality bar and returns the report (numbers rounded for printing). The `cv` split
 * runs each fold and reports the mean over folds.
 */
export async function runEval(options: EvalOptions): Promise<EvalReport> {
  if (options.split !== 'cv') return runOnce(options, 0);
  const started = performance.now();
  const folds: EvalReport[] = [];
  for (let fold = 0; fold < CV_FOLDS; fold++) {
    options.progress?.(`fold ${fold + 1} of ${CV_FOLDS} …`);
    folds.push(await runOnce(options, fold));
  }
  return meanOfFolds(folds, performance.now() - started);
}

async function runOnce(options: EvalOptions, fold: number): Promise<EvalReport> {
  const started = performance.now();
  const progress = options.progress ?? (() => {});
  const bench = loadTauBench({
    dataDir: options.dataDir,
    split: options.split,
    fold,
    ...(options.subset === undefined ? {} : { subset: options.subset }),
  });
  const { procedures, runs } = bench;
  progress(
    `loaded ${procedures.episodes.length} episodes, ${procedures.queries.length} ${options.split} queries, ${runs.episodes.length} runs`,
  );
  const baseline = bm25Baselines(procedures, runs);

  const variants = { ...ABLATIONS, ...(options.signals ? SIGNAL_ABLATIONS : {}) };
  const results: Record<string, VariantResult> = {};
  for (const [name, ranking] of Object.entries(variants)) {
    progress(`variant ${name} …`);
    results[name] = await evaluateVariant(bench, ranking, { latency: name === 'full', progress });
  }
  const full = results['full']!;

  progress(`learning curve (${options.rounds ?? 5} rounds) …`);
  const memory = await createEvalMemory();
  let learningCurve: number[];
  try {
    await ingestEpisodes(memory, procedures.episodes);
    learningCurve = await measureLearningCurve(
      memory,
      procedures,
      options.rounds ?? 5,
      (roundNumber, accuracy) => progress(`  round ${roundNumber}: ${accuracy.toFixed(3)}`),
    );
  } finally {
    await memory.close();
  }

  return {
    ...scoresOf(full),
    learningCurve: learningCurve.map((value) => round(value)),
    latencyMs: { p50: round(full.latencyMs?.p50 ?? 0, 2), p95: round(full.latencyMs?.p95 ?? 0, 2) },
    ablation: Object.fromEntries(Object.entries(results).map(([name, result]) => [name, scoresOf(result)])),
    baselines: { bm25: roundBaseline(baseline), published: PUBLISHED_BASELINES },
    meta: {
      split: options.split,
      dataDir: options.dataDir,
      trainEpisodes: procedures.episodes.length,
      queries: procedures.queries.length,
      answerableQueries: answerableQueries(procedures.queries, procedures.episodes).length,
      runEpisodes: runs.episodes.length,
      runQueries: runs.queries.length,
      playbookAccuracyAllQueries: round(full.playbook.accuracyAllQueries),
      successFirstQueries: full.realRuns.successFirstQueries,
      rankDepth: RANK_DEPTH,
      durationMs: Math.round(performance.now() - started),
    },
  };
}

function scoresOf(result: VariantResult): VariantScores {
  const { ndcg5, recall5, mrr } = result.procedureRetrieval;
  return {
    procedureRetrieval: { ndcg5: round(ndcg5), recall5: round(recall5), mrr: round(mrr) },
    playbookAccuracy: round(result.playbook.accuracy),
    realRuns: { hit1: round(result.realRuns.hit1), successFirst: round(result.realRuns.successFirst) },
  };
}

function roundBaseline(baseline: ReturnType<typeof bm25Baselines>): ReturnType<typeof bm25Baselines> {
  const { procedureRetrieval: p, realRuns: r } = baseline;
  return {
    procedureRetrieval: {
      ndcg5: round(p.ndcg5),
      recall5: round(p.recall5),
      mrr: round(p.mrr),
      queries: p.queries,
    },
    playbookAccuracy: round(baseline.playbookAccuracy),
    realRuns: { ...r, hit1: round(r.hit1), successFirst: round(r.successFirst) },
  };
}
