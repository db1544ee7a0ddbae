#!/usr/bin/env node
/**
 * `memory-service`: the HTTP service on the configured store. With nothing set it serves a libSQL file at
 * ./data/memory.db with the in-process cache on 127.0.0.1:8080. SIGTERM/SIGINT: stop accepting, drain,
 * flush step buffers, close the stores, exit 0 within 10 s. Exit 2 on a configuration error.
 *
 * `memory-service hash-key KEY:NAMESPACE[:admin]` prints the line to put in MEMORY_API_KEYS_FILE;
 * `memory-service generate-key NAMESPACE [admin]` makes a new key and prints it with that line.
 */
import { createMcpHttpHandler } from '@slm/memory-mcp';
import {
  binaryHelp,
  componentLogger,
  createLogger,
  describeConfig,
  describeStartupError,
  loadConfig,
  openMemory,
  packageVersion,
  parseBinaryArgs,
  type RuntimeConfig,
  SCHEMA_VERSION,
  shutdownSignal,
} from '@slm/memory-runtime';
import { keyCommand } from './bin/key-commands.js';
import { loadApiKeys } from './bin/load-api-keys.js';
import { createService } from './create-service.js';
import { createServiceMetrics } from './metrics/service-metrics.js';
import { closeService } from './shutdown.js';

const version = packageVersion(import.meta.url);

async function main(argv: string[]): Promise<number> {
  const keyOutput = keyCommand(argv);
  if (keyOutput !== null) {
    process.stdout.write(keyOutput);
    return 0;
  }
  const args = parseBinaryArgs(argv);
  if (args.help) {
    process.stdout.write(binaryHelp('memory-service', 'the self-learning memory over HTTP'));
    return 0;
  }
  if (args.version) {
    process.stdout.write(`memory-service ${version} (schema ${SCHEMA_VERSION})\n`);
    return 0;
  }
  const config = loadConfig({ flags: args.flags, env: process.env, configFile: args.configFile });
  const apiKeys = loadApiKeys(config.server);
  return serve(config, apiKeys);
}

async function serve(config: RuntimeConfig, apiKeys: ReturnType<typeof loadApiKeys>): Promise<number> {
  const logger = createLogger(config.log, { name: 'memory-service' });
  const serviceLogger = componentLogger(logger, 'memory-service');
  serviceLogger.info({ config: describeConfig(config), version }, 'starting');
  const metrics = createServiceMetrics();
  const opened = await openMemory(config, {
    logger: componentLogger(logger, 'memory-core'),
    observer: metrics.observer,
    storageObserver: metrics.storageObserver,
  });
  const app = await createService({
    memory: opened.memory,
    logger: serviceLogger,
    apiKeys,
    host: config.server.host,
    rateLimitPerSecond: config.server.rateLimitPerSecond,
    maxInFlight: config.server.maxInFlight,
    metrics,
    poolStatistics: opened.poolStatistics,
    readStatistics: opened.readStatistics,
    mcp: createMcpHttpHandler({ logger: componentLogger(logger, 'memory-mcp'), serverOptions: { version } }),
    version: { package: version, schema: SCHEMA_VERSION },
  });
  await app.listen({ host: config.server.host, port: config.server.port });
  const signal = await shutdownSignal();
  serviceLogger.info({ signal }, 'shutting down');
  const report = await closeService(app);
  serviceLogger.info({ ...report }, 'stopped');
  return 0;
}

// Everything is flushed and closed by then; exiting explicitly keeps a stray handle from holding the process.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(describeStartupError(error));
    process.exit(isConfigError(error) ? 2 : 1);
  },
);

function isConfigError(error: unknown): boolean {
  return (error as { code?: unknown })?.code === 'CONFIG_INVALID';
}
