import { count, µs } from './format.js';
import type { McpResults } from './service/mcp-bench.js';

/** The MCP section: the memory-mcp binary over stdio with the official SDK client. */
export function renderMcp(results: McpResults): string[] {
  return [
    '## MCP over stdio (memory-mcp binary, official SDK client)',
    '',
    `Ingest ${count(results.episodes)} episodes (create_episode, 3 × add_episode_step, complete_episode: five`,
    `calls each, whole learning pipeline), then ${count(results.queries)} query_memory calls; default configuration`,
    '(libSQL file, durable, in-process cache). Client and server share the 2 cores.',
    '',
    '| part | wall time | per-call p50 | per-call p95 |',
    '| --- | --- | --- | --- |',
    `| ingest (${count(results.episodes * 5)} calls) | ${results.ingestSeconds.toFixed(1)} s | ${µs(results.ingestCall.p50)} | ${µs(results.ingestCall.p95)} |`,
    `| query_memory (${count(results.queries)} calls) | ${results.querySeconds.toFixed(1)} s | ${µs(results.query.p50)} | ${µs(results.query.p95)} |`,
    '',
  ];
}
