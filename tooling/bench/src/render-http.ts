import { count, verdict } from './format.js';
import type { HttpResults, LoadResult } from './service/http-bench.js';

/** Targets from the quality bar: log steps ≥ 5,000 req/s with p99 ≤ 25 ms; retrieve ≥ 1,000 req/s at 10k. */
const TARGETS: Record<'logSteps' | 'retrieve', { rate: number; p99Ms?: number; text: string }> = {
  logSteps: { rate: 5_000, p99Ms: 25, text: '≥ 5,000 req/s, p99 ≤ 25 ms' },
  retrieve: { rate: 1_000, text: '≥ 1,000 req/s (10k episodes)' },
};

function row(result: LoadResult, target: (typeof TARGETS)[keyof typeof TARGETS]): string {
  const failed = result.errors + result.non2xx;
  const met =
    failed === 0 &&
    result.requestsPerSecond >= target.rate &&
    (target.p99Ms === undefined || result.latencyP99Ms <= target.p99Ms);
  return `| ${[
    result.name,
    result.connections,
    count(result.requestsPerSecond),
    `${result.latencyP50Ms} ms`,
    `${result.latencyP99Ms} ms`,
    `${result.errors} / ${result.non2xx}`,
    `${target.text} ${verdict(met)}`,
  ].join(' | ')} |`;
}

/** The HTTP section: the built memory-service binary under autocannon on loopback. */
export function renderHttp(results: HttpResults): string[] {
  return [
    '## HTTP service (memory-service binary, autocannon on loopback)',
    '',
    `The built binary on a libSQL file holding ${count(results.episodes)} imported episodes, default configuration`,
    '(durable steps, in-process cache), rate limit off; the load generator shares the 2 cores with the service.',
    `Source: ${results.command}.`,
    '',
    '| route | connections | req/s (mean) | p50 | p99 | errors / non-2xx | target |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    row(results.logSteps, TARGETS.logSteps),
    row(results.retrieve, TARGETS.retrieve),
    '',
    'Why retrieve is far from its target: an embedded libSQL file answers each statement synchronously on the',
    "service's one event loop, so one process serves at most about 1 / (the per-query cost of the libSQL retrieve",
    'rows above) queries per second, and concurrent requests queue behind each other (hence the p99). The',
    'per-query cost is tracked with the libSQL backend: about ten statements per retrieval, run one after',
    'another (docs/adr/0007-filters-inside-the-search-index.md, docs/adr/0008-one-facet-token-and-compact-vectors.md).',
    '',
  ];
}
