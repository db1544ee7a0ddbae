import { describe, expect, it } from 'vitest';
import { bm25Baselines } from '../src/baseline/bm25-baselines.js';
import { findDefaultDataDir } from '../src/cli/data-dir.js';
import { loadTauBench } from '../src/dataset/tau-bench.js';
import { PUBLISHED_BASELINES } from '../src/report/types.js';

/**
 * The harness's metric definitions, checked against the quality bar: its own plain BM25 must land near the
 * published baselines (small gaps come from tokenization and which trial is held out).
 */
const FULL_DATA = process.env['SLM_EVAL_DATA'] ?? findDefaultDataDir();
if (!FULL_DATA)
  console.warn('full τ-bench dataset not found: the baseline cross-check is skipped (set SLM_EVAL_DATA)');

describe.skipIf(!FULL_DATA)('BM25 baseline against the published numbers', () => {
  it('reproduces the retrieval and real-run baselines on the test split', () => {
    const bench = loadTauBench({ dataDir: FULL_DATA!, split: 'test' });
    const ours = bm25Baselines(bench.procedures, bench.runs);
    const published = PUBLISHED_BASELINES;
    expect(ours.procedureRetrieval.queries).toBe(90);
    expect(ours.procedureRetrieval.ndcg5).toBeCloseTo(published.procedureRetrieval.ndcg5, 1);
    expect(ours.procedureRetrieval.recall5).toBeCloseTo(published.procedureRetrieval.recall5, 1);
    expect(Math.abs(ours.procedureRetrieval.mrr - published.procedureRetrieval.mrr)).toBeLessThan(0.05);
    expect(Math.abs(ours.playbookAccuracy - published.playbookAccuracy)).toBeLessThan(0.06);
    expect(Math.abs(ours.realRuns.hit1 - published.realRuns.hit1)).toBeLessThan(0.05);
    expect(Math.abs(ours.realRuns.successFirst - published.realRuns.successFirst)).toBeLessThan(0.1);
  });
});
