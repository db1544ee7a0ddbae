import { describe, expect, it } from 'vitest';
import { answerableQueries, relevantCounts } from '../src/benchmark/relevance.js';
import { majority } from '../src/measures/majority-vote.js';
import { scoreProcedureRetrieval } from '../src/measures/procedure-metrics.js';
import { scoreRealRuns } from '../src/measures/run-metrics.js';
import { mergeByScore } from '../src/memory/rank-context.js';
import { episode, query } from './fixtures.js';

describe('procedure retrieval scores', () => {
  const a1 = episode('a1', 'A');
  const a2 = episode('a2', 'A');
  const b1 = episode('b1', 'B');
  const stored = [a1, a2, b1];

  it('averages over queries with a relevant stored episode only', () => {
    const results = [
      { query: query('q1', 'A'), ranked: [b1, a1, a2] }, // relevant at 2 and 3
      { query: query('q2', 'B'), ranked: [b1] }, // perfect
      { query: query('q3', 'C'), ranked: [a1] }, // nothing stored is relevant: skipped
    ];
    const scores = scoreProcedureRetrieval(results, relevantCounts(stored));
    const ideal2 = 1 + 1 / Math.log2(3);
    const q1 = (1 / Math.log2(3) + 1 / Math.log2(4)) / ideal2;
    expect(scores.queries).toBe(2);
    expect(scores.ndcg5).toBeCloseTo((q1 + 1) / 2, 10);
    expect(scores.recall5).toBe(1);
    expect(scores.mrr).toBeCloseTo((0.5 + 1) / 2, 10);
    expect(
      answerableQueries(
        results.map((result) => result.query),
        stored,
      ).map((q) => q.key),
    ).toEqual(['q1', 'q2']);
  });
});

describe('real-run scores', () => {
  it('hit@1 and success-first', () => {
    const t1ok = episode('t1-ok', '1', true);
    const t1bad = episode('t1-bad', '1', false);
    const t2bad = episode('t2-bad', '2', false);
    const t3ok = episode('t3-ok', '3', true);
    const stored = [t1ok, t1bad, t2bad, t3ok];
    const scores = scoreRealRuns(
      [
        { query: query('q1', '1'), ranked: [t1bad, t1ok] }, // hit, but a failure ranks first
        { query: query('q2', '2'), ranked: [t2bad] }, // hit; no successful run stored: not counted
        { query: query('q3', '3'), ranked: [t1ok, t3ok] }, // miss at 1, success-first
      ],
      stored,
    );
    expect(scores.hit1).toBeCloseTo(2 / 3, 10);
    expect(scores.successFirstQueries).toBe(2);
    expect(scores.successFirst).toBe(0.5);
  });
});

describe('helpers', () => {
  it('majority breaks ties by first appearance', () => {
    expect(majority(['B', 'A', 'A', 'B', 'C'])).toBe('B');
    expect(majority(['C', 'A', 'A'])).toBe('A');
    expect(majority([])).toBeUndefined();
  });

  it('merges exemplars and warnings by score, keeping each order', () => {
    const exemplars = [
      { id: 'e1', score: 0.9 },
      { id: 'e2', score: 0.5 },
      { id: 'e3', score: 0.6 }, // MMR order is kept even when not sorted
    ];
    const warnings = [
      { id: 'w1', score: 0.7 },
      { id: 'w2', score: 0.1 },
    ];
    expect(mergeByScore(exemplars, warnings).map((item) => item.id)).toEqual(['e1', 'w1', 'e2', 'e3', 'w2']);
  });
});
