import { cpus } from 'node:os';
import type { CacheResults } from './cache/cache-bench.js';
import type { LibsqlResults } from './libsql/index.js';
import type { LifecycleResults } from './lifecycle.js';
import { renderCache } from './render-cache.js';
import { renderHttp } from './render-http.js';
import { renderLibsql } from './render-libsql.js';
import { renderMcp } from './render-mcp.js';
import { renderMemory } from './render-memory.js';
import type { RetrievalResult } from './retrieval.js';
import type { HttpResults } from './service/http-bench.js';
import type { McpResults } from './service/mcp-bench.js';

export interface BenchReport {
  /** How the benchmark was run, e.g. `pnpm bench -- --sizes 1000`. */
  command: string;
  /** 1-, 5- and 15-minute load averages when it started and when it ended (the machine is shared). */
  load: { start: number[]; end: number[] };
  memory?: { lifecycle: LifecycleResults; retrieval: RetrievalResult[] };
  libsql?: LibsqlResults;
  cache?: CacheResults;
  http?: HttpResults;
  mcp?: McpResults;
}

const loadText = (load: number[]) => load.map((value) => value.toFixed(2)).join(' / ');

/** docs/performance.md, from measured values only. */
export function renderReport(report: BenchReport): string {
  const cpu = cpus();
  return [
    '# Performance',
    '',
    `Measured by \`${report.command}\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}.`,
    `Machine load (1 / 5 / 15-minute averages) at the start: ${loadText(report.load.start)}; at the end: ${loadText(report.load.end)}`,
    `(${cpu.length} cores, shared with other work: compare figures measured in the same run; between days the`,
    'same code has measured up to 2.5× apart on this host, so before/after comparisons belong in one session — the',
    'ADRs record them).',
    'Every figure below is written by that command; p50 and p95 are the medians over 5 runs (3 for retrieval)',
    'of per-operation latencies. Targets are from the quality bar; the seed column is the Rust original measured in',
    'process (its published table).',
    '',
    ...(report.memory ? renderMemory(report.memory.lifecycle, report.memory.retrieval) : []),
    ...(report.libsql ? renderLibsql(report.libsql) : []),
    ...(report.cache ? renderCache(report.cache) : []),
    ...(report.http ? renderHttp(report.http) : []),
    ...(report.mcp ? renderMcp(report.mcp) : []),
    '',
  ].join('\n');
}
