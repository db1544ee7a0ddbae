import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult, ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import type { Logger, SelfLearningMemory } from '@slm/memory-core';
import type { z } from 'zod';
import { errorResult } from './error-result.js';
import { type ToolOutput, toolResult } from './tool-result.js';

/** What every tool of one server works with. */
export interface ToolContext {
  memory: SelfLearningMemory;
  logger: Logger;
  /** Extra metrics for get_metrics (e.g. the HTTP service's counters). */
  metrics?: () => Promise<Record<string, unknown>>;
}

export interface ToolSpec<Input extends z.ZodObject> {
  name: string;
  title: string;
  /** When to call it and what it returns: models choose tools by this text. */
  description: string;
  /** A strict object schema: advertised as JSON Schema and enforced by the SDK before `run`. */
  input: Input;
  annotations: Omit<ToolAnnotations, 'title'>;
  run: (args: z.output<Input>) => Promise<ToolOutput>;
}

/** Registers a tool whose failures, expected or not, become `isError` results instead of protocol errors. */
export function defineTool<Input extends z.ZodObject>(
  server: McpServer,
  context: ToolContext,
  spec: ToolSpec<Input>,
): void {
  const handler = async (args: z.output<Input>): Promise<CallToolResult> => {
    const startedAt = performance.now();
    try {
      const result = toolResult(await spec.run(args));
      context.logger.debug(
        { tool: spec.name, namespace: context.memory.namespace, durationMs: elapsed(startedAt) },
        'mcp tool called',
      );
      return result;
    } catch (error) {
      return errorResult(error, spec.name, context.logger);
    }
  };
  server.registerTool(
    spec.name,
    {
      title: spec.title,
      description: spec.description,
      inputSchema: spec.input,
      annotations: { title: spec.title, openWorldHint: false, ...spec.annotations },
    },
    // The SDK types the callback through a conditional type that TypeScript cannot resolve for a generic schema.
    handler as unknown as Parameters<McpServer['registerTool']>[2],
  );
}

function elapsed(startedAt: number): number {
  return Math.round(performance.now() - startedAt);
}

/** Annotations of tools that only read. */
export const READ_ONLY: ToolSpec<z.ZodObject>['annotations'] = { readOnlyHint: true, idempotentHint: true };
/** Annotations of tools that add records. */
export const ADDS: ToolSpec<z.ZodObject>['annotations'] = { readOnlyHint: false, destructiveHint: false };
