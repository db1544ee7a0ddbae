import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolContext } from '../tool-support/define-tool.js';
import { registerCheckpointTools } from './checkpoints.js';
import { registerEpisodeTools } from './episodes.js';
import { registerFeedbackTools } from './feedback.js';
import { registerOperationTools } from './operations.js';
import { registerPatternTools } from './patterns.js';
import { registerRelationshipTools } from './relationships.js';
import { registerRetrievalTools } from './retrieval.js';
import { registerStepTools } from './steps.js';
import { registerTagTools } from './tags.js';

const TOOL_GROUPS = [
  registerEpisodeTools,
  registerStepTools,
  registerRetrievalTools,
  registerPatternTools,
  registerFeedbackTools,
  registerCheckpointTools,
  registerTagTools,
  registerRelationshipTools,
  registerOperationTools,
];

export function registerTools(server: McpServer, context: ToolContext): void {
  for (const register of TOOL_GROUPS) register(server, context);
}
