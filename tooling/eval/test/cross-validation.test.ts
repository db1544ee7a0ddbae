import { describe, expect, it } from 'vitest';
import { meanOfFolds } from '../src/cross-validation.js';
import type { EvalReport, VariantScores } from '../src/report/types.js';

function scores(value: number): VariantScores {
  return {
    procedureRetrieval: { ndcg5: value, recall5: value, mrr: value },
    playbookAccuracy: value,
    realRuns: { hit1: value, successFirst: value },
  };
}

function fold(value: number, queries: number): EvalReport {
  const bm25 = {
    procedureRetrieval: { ndcg5: value, recall5: value, mrr: value, queries },
    playbookAccuracy: value,
    realRuns: { hit1: value, successFirst: value, queries: 50, successFirstQueries: 30 },
  };
  return {
    ...scores(value),
    learningCurve: [value, value + 0.1],
    latencyMs: { p50: value, p95: 2 * value },
    ablation: { full: scores(value) },
    baselines: { bm25, published: fold.published },
    meta: {
      split: 'cv',
      dataDir: '/data',
      trainEpisodes: 400,
      queries,
      answerableQueries: queries - 1,
      playbookAccuracyAllQueries: value,
      runEpisodes: 150,
      runQueries: 50,
      successFirstQueries: 30,
      rankDepth: 50,
      durationMs: 1,
    },
  } as EvalReport;
}
fold.published = {} as EvalReport['baselines']['published'];

describe('the mean over cross-validation folds', () => {
  it('averages every score, sums the query counts and keeps the per-fold sizes', () => {
    const merged = meanOfFolds([fold(0.2, 100), fold(0.4, 101)], 1234);
    expect(merged.procedureRetrieval.ndcg5).toBeCloseTo(0.3, 10);
    expect(merged.learningCurve[1]).toBeCloseTo(0.4, 10);
    expect(merged.ablation['full']?.realRuns.hit1).toBeCloseTo(0.3, 10);
    expect(merged.latencyMs.p95).toBeCloseTo(0.6, 10);
    expect(merged.baselines.bm25.procedureRetrieval.ndcg5).toBeCloseTo(0.3, 10);
    expect(merged.meta).toMatchObject({
      split: 'cv',
      queries: 201,
      answerableQueries: 199,
      runQueries: 100,
      successFirstQueries: 60,
      trainEpisodes: 400,
      runEpisodes: 150,
      durationMs: 1234,
    });
  });
});
