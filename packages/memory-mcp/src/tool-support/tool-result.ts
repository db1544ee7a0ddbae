import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

/** What a tool hands back: a short text for people and models, and the data as structured content. */
export interface ToolOutput {
  summary: string;
  data: Record<string, unknown>;
}

/**
 * A successful result. The JSON is repeated as a second text block because many clients only show `content`
 * to the model (the MCP specification recommends it for structured results).
 */
export function toolResult(output: ToolOutput): CallToolResult {
  return {
    content: [
      { type: 'text', text: output.summary },
      { type: 'text', text: JSON.stringify(output.data) },
    ],
    structuredContent: output.data,
  };
}
