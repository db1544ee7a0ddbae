export { createMcpServer, type MemoryMcpServerOptions, SERVER_NAME } from './create-mcp-server.js';
export {
  createMcpHttpHandler,
  type McpHttpHandler,
  type McpHttpHandlerOptions,
} from './http/create-mcp-http-handler.js';
export { SERVER_INSTRUCTIONS } from './server-instructions.js';
export {
  type RunningStdioServer,
  runStdioServer,
  type StdioServerOptions,
} from './stdio/run-stdio-server.js';
export { ERROR_GUIDANCE, type ErrorGuidance } from './tool-support/error-guidance.js';
export { TOOL_NAMES, type ToolName } from './tools/tool-names.js';
