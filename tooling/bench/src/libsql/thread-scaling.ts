/**
 * Diagnostics, not part of `pnpm bench`: whether statements of one kind run side by side on two threads, each
 * thread with its own connection to one file filled as the benchmark fills it. For each kind, the time per
 * statement on one thread alone and on each of two threads running at once (equal times: they ran in
 * parallel; twice the time: they took turns). Why the store runs reads that call the vector functions one at
 * a time (ADR 0011). `pnpm --filter @slm/bench run libsql:threads -- --size 10000`
 */
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { createClient } from '@libsql/client';
import { filledFile } from './filled-file.js';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((argument) => argument !== '--'),
  options: { size: { type: 'string', default: '10000' }, iterations: { type: 'string', default: '100' } },
});
const iterations = Number(values.iterations);

/** A thread that opens the file, warms up, waits for `go`, runs the statement and reports ms per run. */
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const { createClient } = require('@libsql/client');
const client = createClient({ url: workerData.url });
(async () => {
  for (let index = 0; index < 10; index++) await client.execute(workerData.statement);
  parentPort.once('message', async () => {
    const started = performance.now();
    for (let index = 0; index < workerData.iterations; index++) await client.execute(workerData.statement);
    parentPort.postMessage((performance.now() - started) / workerData.iterations);
    client.close();
  });
  parentPort.postMessage('ready');
})();
`;

interface Statement {
  sql: string;
  args?: string[];
}

/** Runs one thread per statement, all started together; returns each thread's ms per statement. */
async function runTogether(url: string, statements: Statement[]): Promise<number[]> {
  const workers = statements.map(
    (statement) => new Worker(THREAD, { eval: true, workerData: { url, statement, iterations } }),
  );
  const next = (worker: Worker) =>
    new Promise<unknown>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  await Promise.all(workers.map(next));
  const results = workers.map(next);
  for (const worker of workers) worker.postMessage('go');
  const perStatement = (await Promise.all(results)) as number[];
  await Promise.all(workers.map((worker) => worker.terminate()));
  return perStatement;
}

const filled = await filledFile(Number(values.size), (message) => process.stderr.write(`${message}\n`));
try {
  const url = `file:${filled.file}`;
  const client = createClient({ url });
  // A term in many documents, but in fewer than half (the search drops those): a long posting list to rank.
  const [frequent] = (
    await client.execute(
      `SELECT term FROM episode_fts_terms WHERE col = 'terms' AND doc * 2 < (SELECT count(*) FROM episode_documents)
       ORDER BY doc DESC LIMIT 1`,
    )
  ).rows;
  client.close();
  const kinds: Array<[string, Statement]> = [
    [
      'vector: cosine over one domain (float8)',
      {
        sql: `SELECT max(vector_distance_cos(vector, vector)) FROM episode_vector_scan
              WHERE namespace = (SELECT namespace FROM episodes LIMIT 1) AND domain = 'web-api'`,
      },
    ],
    [
      'text: bm25, top 100 of one term',
      {
        sql: `SELECT rowid, bm25(episode_fts, 1.0, 0.0) AS rank FROM episode_fts WHERE episode_fts MATCH ? ORDER BY rank LIMIT 100`,
        args: [`terms : "${String(frequent?.['term'] ?? 'fix')}"`],
      },
    ],
    [
      'json: one field of 2,000 records',
      { sql: `SELECT sum(json_array_length(record, '$.patternIds')) FROM episodes WHERE seq <= 2000` },
    ],
  ];
  const rows: string[] = [];
  for (const [name, statement] of kinds) {
    const [alone] = await runTogether(url, [statement]);
    const pair = await runTogether(url, [statement, statement]);
    rows.push(
      `| ${name} | ${alone!.toFixed(2)} ms | ${pair.map((ms) => `${ms.toFixed(2)} ms`).join(', ')} |`,
    );
  }
  const [vector, text] = [kinds[0]![1], kinds[1]![1]];
  const mixed = await runTogether(url, [vector, text]);
  process.stdout.write(
    [
      `libSQL file, ${filled.episodes.toLocaleString('en')} imported episodes, ${iterations} statements per thread:`,
      '',
      '| statement | one thread alone | each of two threads at once |',
      '| --- | --- | --- |',
      ...rows,
      `| vector beside text (one thread each) | — | ${mixed.map((ms) => `${ms.toFixed(2)} ms`).join(', ')} |`,
      '',
    ].join('\n'),
  );
} finally {
  filled.remove();
}
