import { describe, expect, it } from 'vitest';
import { renderReport } from '../src/report/render-report.js';
import { runEval } from '../src/run-eval.js';

const inUnitInterval = (value: number) => value >= 0 && value <= 1;

/** A small excerpt of the dataset kept in the repository, so that this runs on any clone. */
const SAMPLE = new URL('./fixtures/tau-bench-sample', import.meta.url).pathname;

describe('the harness end to end on the sample kept in the repository', () => {
  it('ingests through the public API and reports every measure', async () => {
    const report = await runEval({
      dataDir: SAMPLE,
      split: 'test',
      subset: 20,
      rounds: 2,
    });
    expect(report.meta).toMatchObject({ trainEpisodes: 20, queries: 12, runEpisodes: 18, runQueries: 6 });
    const scores = [
      report.procedureRetrieval.ndcg5,
      report.procedureRetrieval.recall5,
      report.procedureRetrieval.mrr,
      report.playbookAccuracy,
      report.realRuns.hit1,
      report.realRuns.successFirst,
      ...report.learningCurve,
    ];
    expect(scores.every(inUnitInterval)).toBe(true);
    expect(report.learningCurve).toHaveLength(2);
    expect(Object.keys(report.ablation)).toEqual(['lexicalOnly', 'vectorOnly', 'fused', 'full']);
    expect(report.ablation['full']).toEqual({
      procedureRetrieval: report.procedureRetrieval,
      playbookAccuracy: report.playbookAccuracy,
      realRuns: report.realRuns,
    });
    expect(report.latencyMs.p95).toBeGreaterThanOrEqual(report.latencyMs.p50);
    // The harness's own BM25 runs on the same subset: the baselines are always there to compare against.
    expect(report.baselines.bm25.procedureRetrieval.queries).toBe(report.meta.answerableQueries);
    const table = renderReport(report);
    expect(table).toContain('procedure retrieval nDCG@5');
    expect(table).toContain('BM25 (published)');
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});
