import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import {
  boundedText,
  IdSchema,
  LIMITS,
  PatternTypeSchema,
  ShortTextSchema,
  TaskTypeSchema,
} from '@slm/memory-core';
import { z } from 'zod';
import { toQueryContext } from '../mapping/query-context.js';
import {
  contextArguments,
  domainArgument,
  episodeIdArgument,
  taskDescriptionArgument,
} from '../tool-support/arguments.js';
import { ADDS, defineTool, READ_ONLY, type ToolContext } from '../tool-support/define-tool.js';
import { patternView, rankedPatternView, round } from '../views/pattern-view.js';
import { playbookText } from '../views/playbook-text.js';

const patternLimit = z
  .number()
  .int()
  .min(1)
  .max(50)
  .optional()
  .describe('How many patterns (1–50, default 10).');
const patternTypes = z
  .array(PatternTypeSchema)
  .max(4)
  .optional()
  .describe('Only these kinds: tool_sequence, decision_point, error_recovery, context_pattern.');
const sessionEpisodeId = episodeIdArgument
  .optional()
  .describe(
    'Your current episode: when given, the result carries a session_id for record_recommendation_feedback.',
  );

/** search_patterns, recommend_patterns, recommend_playbook, explain_pattern. */
export function registerPatternTools(server: McpServer, context: ToolContext): void {
  const { memory } = context;

  defineTool(server, context, {
    name: 'search_patterns',
    title: 'Search patterns',
    description:
      'Finds learned patterns (tool sequences, decision points, error recoveries, context patterns) matching ' +
      'a query, ranked by relevance and past success. Use recommend_patterns instead when you will act on them.',
    input: z.strictObject({
      query: boundedText(LIMITS.queryBytes, 1).describe(
        'What the pattern should be about, e.g. "flaky test retry".',
      ),
      domain: ShortTextSchema.optional().describe('The area of work.'),
      pattern_types: patternTypes,
      limit: patternLimit,
      ...contextArguments,
    }),
    annotations: READ_ONLY,
    run: async (args) => {
      const ranked = await memory.searchPatterns({
        query: args.query,
        context: toQueryContext(args),
        types: args.pattern_types,
        limit: args.limit,
      });
      const patterns = ranked.map(rankedPatternView);
      return {
        summary: [
          `${patterns.length} patterns.`,
          ...patterns.map((pattern) => `- ${pattern.description}`),
        ].join('\n'),
        data: { patterns },
      };
    },
  });

  defineTool(server, context, {
    name: 'recommend_patterns',
    title: 'Recommend patterns for a task',
    description:
      'Recommends patterns to apply to a task, re-ranked by how well they worked when agents applied them. ' +
      'Pass episode_id to get a session_id, then report what you applied with record_recommendation_feedback.',
    input: z.strictObject({
      task_description: taskDescriptionArgument,
      domain: domainArgument,
      pattern_types: patternTypes,
      limit: patternLimit,
      episode_id: sessionEpisodeId,
      ...contextArguments,
    }),
    annotations: ADDS,
    run: async (args) => {
      const recommended = await memory.recommendPatterns({
        query: args.task_description,
        context: toQueryContext(args),
        types: args.pattern_types,
        limit: args.limit,
        episodeId: args.episode_id,
      });
      const patterns = recommended.patterns.map(rankedPatternView);
      const session = recommended.sessionId ? ` Session ${recommended.sessionId}.` : '';
      return {
        summary: [
          `${patterns.length} recommended patterns.${session}`,
          ...patterns.map((p) => `- ${p.description}`),
        ].join('\n'),
        data: { session_id: recommended.sessionId ?? null, patterns },
      };
    },
  });

  defineTool(server, context, {
    name: 'recommend_playbook',
    title: 'Recommend a playbook',
    description:
      'Returns a step-by-step plan for a task, synthesised from patterns and past episodes, with when to apply ' +
      'it, pitfalls and confidence. Pass episode_id (from create_episode) to get a session_id for ' +
      'record_recommendation_feedback.',
    input: z.strictObject({
      task_description: taskDescriptionArgument,
      domain: domainArgument,
      task_type: TaskTypeSchema.optional().describe('The kind of task.'),
      max_steps: z
        .number()
        .int()
        .min(1)
        .max(50)
        .optional()
        .describe('Most steps in a playbook (1–50, default 10).'),
      max_playbooks: z
        .number()
        .int()
        .min(1)
        .max(10)
        .optional()
        .describe('How many alternatives (1–10, default 1).'),
      episode_id: sessionEpisodeId,
      ...contextArguments,
    }),
    annotations: ADDS,
    run: async (args) => {
      const recommended = await memory.recommendPlaybook({
        taskDescription: args.task_description,
        context: toQueryContext(args),
        taskType: args.task_type,
        maxSteps: args.max_steps,
        maxPlaybooks: args.max_playbooks,
        episodeId: args.episode_id,
      });
      const best = recommended.playbooks[0];
      const session = recommended.sessionId ? ` Session ${recommended.sessionId}.` : '';
      return {
        summary: best
          ? `${recommended.playbooks.length} playbooks.${session}\n${playbookText(best)}`
          : `No playbook yet: the memory has no similar successful work.${session}`,
        data: { session_id: recommended.sessionId ?? null, playbooks: recommended.playbooks },
      };
    },
  });

  defineTool(server, context, {
    name: 'explain_pattern',
    title: 'Explain a pattern',
    description:
      'Explains one pattern: what it says, its success rate, measured effectiveness when applied, confidence ' +
      'and the episodes it was learned from.',
    input: z.strictObject({
      pattern_id: IdSchema.describe('A pattern id from search_patterns, recommend_patterns or query_memory.'),
    }),
    annotations: READ_ONLY,
    run: async (args) => {
      const explanation = await memory.explainPattern(args.pattern_id);
      return {
        summary: explanation.summary,
        data: {
          pattern: patternView(explanation.pattern),
          summary: explanation.summary,
          success_rate: round(explanation.successRate),
          effectiveness: round(explanation.effectiveness),
          confidence: round(explanation.confidence),
          evidence: explanation.evidence.slice(0, 20),
        },
      };
    },
  });
}
