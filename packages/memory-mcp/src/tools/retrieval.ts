import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { boundedText, LIMITS, ShortTextSchema, TaskTypeSchema } from '@slm/memory-core';
import { z } from 'zod';
import { toQueryContext } from '../mapping/query-context.js';
import { contextArguments } from '../tool-support/arguments.js';
import { defineTool, READ_ONLY, type ToolContext } from '../tool-support/define-tool.js';
import { playbookText } from '../views/playbook-text.js';
import { retrievedContextView } from '../views/retrieved-context-view.js';

/** query_memory: the one call to make before a task. */
export function registerRetrievalTools(server: McpServer, context: ToolContext): void {
  const { memory } = context;

  defineTool(server, context, {
    name: 'query_memory',
    title: 'Retrieve context for a task',
    description:
      'Call before starting a task. Returns what the memory knows about similar work: ranked past episodes ' +
      '(with outcome and lessons), patterns, heuristics, a step-by-step playbook and warnings about similar ' +
      'past failures, with an explanation of how they were found.',
    input: z.strictObject({
      query: boundedText(LIMITS.queryBytes, 1).describe('The task, in the words you would describe it with.'),
      domain: ShortTextSchema.optional().describe('The area of work; narrows results to similar tasks.'),
      task_type: TaskTypeSchema.optional().describe('The kind of task.'),
      limit: z
        .number()
        .int()
        .min(1)
        .max(50)
        .optional()
        .describe('How many episodes and patterns (1–50, default 5).'),
      token_budget: z
        .number()
        .int()
        .min(50)
        .max(200_000)
        .optional()
        .describe('Approximate tokens the answer may use; less relevant results are left out to fit.'),
      ...contextArguments,
    }),
    annotations: READ_ONLY,
    run: async (args) => {
      const retrieved = await memory.retrieveContext({
        query: args.query,
        context: toQueryContext(args),
        taskType: args.task_type,
        limit: args.limit,
        tokenBudget: args.token_budget,
      });
      const view = retrievedContextView(retrieved);
      const lines = [
        `Found ${view.episodes.length} similar episodes, ${view.patterns.length} patterns, ` +
          `${view.heuristics.length} heuristics and ${view.warnings.length} warnings.`,
        ...view.warnings.map((warning) => `Warning: ${warning.whatWentWrong} → ${warning.doInstead}`),
        ...(retrieved.playbook ? [playbookText(retrieved.playbook)] : []),
      ];
      return { summary: lines.join('\n'), data: view };
    },
  });
}
