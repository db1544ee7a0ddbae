#!/usr/bin/env node
/**
 * `memory-mcp`: the memory as an MCP server over stdio. stdout carries only JSON-RPC; logs go to stderr.
 * Exits 0 when stdin closes or on SIGTERM/SIGINT, after flushing buffered steps and closing the store;
 * 2 on a configuration error.
 */
import {
  binaryHelp,
  componentLogger,
  createLogger,
  describeStartupError,
  loadConfig,
  openMemory,
  packageVersion,
  parseBinaryArgs,
  SCHEMA_VERSION,
  shutdownSignal,
} from '@slm/memory-runtime';
import { runStdioServer } from '../stdio/run-stdio-server.js';

const version = packageVersion(import.meta.url);

async function main(): Promise<number> {
  let args: ReturnType<typeof parseBinaryArgs>;
  let config: ReturnType<typeof loadConfig>;
  try {
    args = parseBinaryArgs(process.argv.slice(2));
    if (args.help) {
      process.stdout.write(binaryHelp('memory-mcp', 'the self-learning memory as an MCP server over stdio'));
      return 0;
    }
    if (args.version) {
      process.stdout.write(`memory-mcp ${version} (schema ${SCHEMA_VERSION})\n`);
      return 0;
    }
    config = loadConfig({ flags: args.flags, env: process.env, configFile: args.configFile });
  } catch (error) {
    process.stderr.write(describeStartupError(error));
    return 2;
  }
  // stdout is the protocol: every log line goes to stderr (fd 2).
  const logger = createLogger(config.log, { destination: 2, name: 'memory-mcp' });
  const opened = await openMemory(config, { logger: componentLogger(logger, 'memory-core') });
  const server = await runStdioServer(opened.memory, {
    logger: componentLogger(logger, 'memory-mcp'),
    version,
  });
  void shutdownSignal()
    .then(() => server.close())
    .catch((error: unknown) => logger.error({ err: error }, 'closing the mcp server failed'));
  await server.closed;
  await opened.close();
  return 0;
}

// Everything is flushed and closed by then; exiting explicitly keeps a stray handle from holding the process.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`memory-mcp failed: ${describeStartupError(error)}`);
    process.exit(1);
  },
);
