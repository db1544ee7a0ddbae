import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { type Logger, noopLogger, type SelfLearningMemory } from '@slm/memory-core';
import packageJson from '../package.json' with { type: 'json' };
import { registerResources } from './resources/register-resources.js';
import { SERVER_INSTRUCTIONS } from './server-instructions.js';
import { registerTools } from './tools/register-tools.js';

export interface MemoryMcpServerOptions {
  /** Default: logs nothing. On stdio it must not write to stdout. */
  logger?: Logger;
  /** Reported to clients as the server version (default: this package's version). */
  version?: string;
  /** Extra metrics for get_metrics, e.g. the HTTP service's counters. */
  metrics?: () => Promise<Record<string, unknown>>;
}

export const SERVER_NAME = 'self-learning-memory';

/**
 * An MCP server exposing one namespace's memory: every tool of the original server, and the episode, pattern
 * and stats resources. Connect it to one transport; make one server per connection.
 */
export function createMcpServer(memory: SelfLearningMemory, options: MemoryMcpServerOptions = {}): McpServer {
  const server = new McpServer(
    { name: SERVER_NAME, title: 'Self-learning memory', version: options.version ?? packageJson.version },
    { instructions: SERVER_INSTRUCTIONS },
  );
  const context = {
    memory,
    logger: options.logger ?? noopLogger,
    ...(options.metrics ? { metrics: options.metrics } : {}),
  };
  registerTools(server, context);
  registerResources(server, context);
  return server;
}
