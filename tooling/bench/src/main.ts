/**
 * `pnpm bench`: measures the in-memory backend, the libSQL file backend and the HTTP service, prints the report and writes it to
 * docs/performance.md. `--no-write` only prints; `--only memory|libsql|cache|http|mcp` runs one part (and only prints, so the
 * file never loses a section); `--sizes 1000,10000` chooses the in-memory retrieval sizes and
 * `--libsql-sizes 1000,10000` the sizes the libSQL file is grown through (add 100000 for the full curve: filling
 * it takes longer than the whole default run, see render-libsql.ts).
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { benchCache } from './cache/cache-bench.js';
import { filledFile } from './libsql/filled-file.js';
import { benchLibsql } from './libsql/index.js';
import { benchLifecycle } from './lifecycle.js';
import { type BenchReport, renderReport } from './render.js';
import { benchRetrieval, type RetrievalResult } from './retrieval.js';
import { benchHttp } from './service/http-bench.js';
import { benchMcp } from './service/mcp-bench.js';

// pnpm forwards a literal `--` before the arguments.
const args = process.argv.slice(2).filter((argument) => argument !== '--');
const { values } = parseArgs({
  args,
  options: {
    'no-write': { type: 'boolean', default: false },
    only: { type: 'string' },
    sizes: { type: 'string', default: '1000,10000' },
    'libsql-sizes': { type: 'string', default: '1000,10000' },
  },
});
const PARTS = ['memory', 'libsql', 'cache', 'http', 'mcp'];
if (values.only !== undefined && !PARTS.includes(values.only)) {
  throw new Error(`--only takes ${PARTS.join(', ')} (got ${values.only})`);
}
const runs = (part: string) => values.only === undefined || values.only === part;

const progress = (message: string) => process.stderr.write(`${message}\n`);
const sizes = (list: string) =>
  list
    .split(',')
    .map(Number)
    .sort((left, right) => left - right);

const report: BenchReport = {
  command: ['pnpm bench', ...(args.length > 0 ? ['--', ...args] : [])].join(' '),
  load: { start: loadavg(), end: [] },
};
if (runs('memory')) {
  progress('in-memory: lifecycle …');
  const lifecycle = await benchLifecycle();
  const retrieval: RetrievalResult[] = [];
  for (const size of sizes(values.sizes)) {
    progress(`in-memory: retrieval over ${size} episodes …`);
    retrieval.push(await benchRetrieval(size));
  }
  report.memory = { lifecycle, retrieval };
}
if (runs('libsql')) report.libsql = await benchLibsql(sizes(values['libsql-sizes']), progress);
if (runs('cache') || runs('http')) {
  // One filled file for both: the cache part only reads it, the HTTP part writes to it last.
  const filled = await filledFile(10_000, progress);
  try {
    if (runs('cache')) report.cache = await benchCache(filled, 1_000, progress);
    if (runs('http')) report.http = await benchHttp(filled, progress);
  } finally {
    filled.remove();
  }
}
if (runs('mcp')) report.mcp = await benchMcp(2_000, 200, progress);
report.load.end = loadavg();

const text = renderReport(report);
process.stdout.write(text);
if (!values['no-write'] && values.only === undefined) {
  const target = new URL('../../../docs/performance.md', import.meta.url);
  writeFileSync(target, text);
  progress(`written to ${target.pathname}`);
}
