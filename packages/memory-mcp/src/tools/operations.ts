import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { defineTool, READ_ONLY, type ToolContext } from '../tool-support/define-tool.js';

/** health_check and get_metrics. */
export function registerOperationTools(server: McpServer, context: ToolContext): void {
  const { memory } = context;

  defineTool(server, context, {
    name: 'health_check',
    title: 'Health check',
    description:
      'Probes the store (and the cache, if any) and reports ok, degraded (cache down, store up) or down with ' +
      'latencies. Call it when other tools fail with STORAGE_FAILED or UNAVAILABLE.',
    input: z.strictObject({}),
    annotations: READ_ONLY,
    run: async () => {
      const health = await memory.health();
      return { summary: `Memory is ${health.status}.`, data: { ...health } };
    },
  });

  defineTool(server, context, {
    name: 'get_metrics',
    title: 'Memory metrics',
    description:
      'Counts and rates of this namespace: episodes by outcome, steps, patterns by type, heuristics, success ' +
      'rate, recommendation statistics, learning runs, and cache statistics when there is a cache.',
    input: z.strictObject({}),
    annotations: READ_ONLY,
    run: async () => {
      const [stats, cache, service] = await Promise.all([
        memory.stats(),
        memory.cacheStatistics(),
        context.metrics ? context.metrics() : Promise.resolve(null),
      ]);
      return {
        summary:
          `${stats.episodes.total} episodes (${stats.episodes.completed} completed), ` +
          `${stats.patterns.total} patterns, ${stats.heuristics} heuristics; success rate ${stats.successRate.toFixed(2)}.`,
        data: { stats, cache, service },
      };
    },
  });
}
