import { renderTable } from './table.js';
import type { EvalReport, VariantScores } from './types.js';
import { TARGETS } from './types.js';

const fixed = (value: number, digits = 3) => value.toFixed(digits);

/** The report as the tables `pnpm eval` prints: measures beside targets and baselines, then the ablation. */
export function renderReport(report: EvalReport): string {
  const { meta, baselines } = report;
  const bm25 = baselines.bm25;
  const published = baselines.published;
  const row = (measure: string, ours: number, target: number, harness: number, paper: number) => [
    measure,
    fixed(ours),
    `≥ ${target.toFixed(2)}`,
    ours >= target ? 'yes' : 'no',
    fixed(harness),
    paper.toFixed(2),
  ];
  const rises = report.learningCurve.every((value, index, curve) => index === 0 || value > curve[index - 1]!);
  const measures = renderTable(
    ['measure', 'ours', 'target', 'met', 'BM25 (harness)', 'BM25 (published)'],
    [
      row(
        'procedure retrieval nDCG@5',
        report.procedureRetrieval.ndcg5,
        TARGETS.procedureRetrieval.ndcg5,
        bm25.procedureRetrieval.ndcg5,
        published.procedureRetrieval.ndcg5,
      ),
      row(
        'procedure retrieval Recall@5',
        report.procedureRetrieval.recall5,
        TARGETS.procedureRetrieval.recall5,
        bm25.procedureRetrieval.recall5,
        published.procedureRetrieval.recall5,
      ),
      row(
        'procedure retrieval MRR',
        report.procedureRetrieval.mrr,
        TARGETS.procedureRetrieval.mrr,
        bm25.procedureRetrieval.mrr,
        published.procedureRetrieval.mrr,
      ),
      row(
        'playbook accuracy',
        report.playbookAccuracy,
        TARGETS.playbookAccuracy,
        bm25.playbookAccuracy,
        published.playbookAccuracy,
      ),
      row(
        'real runs hit@1',
        report.realRuns.hit1,
        TARGETS.realRuns.hit1,
        bm25.realRuns.hit1,
        published.realRuns.hit1,
      ),
      row(
        'real runs success-first',
        report.realRuns.successFirst,
        TARGETS.realRuns.successFirst,
        bm25.realRuns.successFirst,
        published.realRuns.successFirst,
      ),
    ],
  );
  const curve = renderTable(
    ['learning curve', ...report.learningCurve.map((_, index) => `round ${index + 1}`), 'target', 'met'],
    [
      [
        'playbook accuracy',
        ...report.learningCurve.map((value) => fixed(value)),
        'rises every round',
        rises ? 'yes' : 'no',
      ],
    ],
  );
  const latency = renderTable(
    ['retrieveContext latency', 'p50 ms', 'p95 ms'],
    [
      [
        `${meta.queries} queries, ${meta.trainEpisodes} episodes`,
        fixed(report.latencyMs.p50, 2),
        fixed(report.latencyMs.p95, 2),
      ],
    ],
  );
  const ablation = renderTable(
    ['ablation', 'nDCG@5', 'Recall@5', 'MRR', 'playbook', 'hit@1', 'success-first'],
    Object.entries(report.ablation).map(([name, scores]) => [name, ...variantCells(scores)]),
  );
  const header =
    `τ-bench evaluation — split ${meta.split}: ${meta.trainEpisodes} episodes, ${meta.queries} queries ` +
    `(${meta.answerableQueries} with a relevant episode in memory, the denominator of retrieval and playbook ` +
    `measures); ${meta.runEpisodes} runs in memory, ${meta.runQueries} held out (${meta.successFirstQueries} ` +
    `with a successful run in memory). Rankings read to depth ${meta.rankDepth}; ${(meta.durationMs / 1000).toFixed(1)} s.`;
  const note = `Playbook accuracy over all ${meta.queries} queries (unanswerable ones as misses): ${fixed(meta.playbookAccuracyAllQueries)}.`;
  return [header, measures, note, curve, latency, ablation].join('\n\n').concat('\n');
}

function variantCells(scores: VariantScores): string[] {
  return [
    scores.procedureRetrieval.ndcg5,
    scores.procedureRetrieval.recall5,
    scores.procedureRetrieval.mrr,
    scores.playbookAccuracy,
    scores.realRuns.hit1,
    scores.realRuns.successFirst,
  ].map((value) => fixed(value));
}
