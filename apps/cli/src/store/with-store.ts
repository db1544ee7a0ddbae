import { createLogger, type OpenedMemory, type RuntimeConfig, type RuntimeLogger } from '@slm/memory-runtime';
import type { Command } from 'commander';
import type { CliIO } from '../cli-io.js';
import { globalOptions } from '../config/global-options.js';
import { loadCliConfig } from '../config/load-cli-config.js';
import { type OpenStoreOptions, openStore } from './open-store.js';

/** What a command that works on the store gets. */
export interface StoreSession {
  config: RuntimeConfig;
  logger: RuntimeLogger;
  store: OpenedMemory;
  json: boolean;
}

/** Reads the configuration, opens the store, runs `work`, and always closes the store (flushing it). */
export async function withStore<T>(
  io: CliIO,
  command: Command,
  work: (session: StoreSession) => Promise<T>,
  options: OpenStoreOptions = {},
): Promise<T> {
  const { config, logger, json } = commandSetup(io, command);
  const store = await openStore(config, logger, options);
  try {
    return await work({ config, logger, store, json });
  } finally {
    await store.close().catch((error: unknown) => logger.error({ err: error }, 'closing the store failed'));
  }
}

/** Configuration and logger for a command (logs go to stderr: stdout carries the results). */
export function commandSetup(
  io: CliIO,
  command: Command,
): { config: RuntimeConfig; logger: RuntimeLogger; json: boolean } {
  const options = globalOptions(command);
  const config = loadCliConfig(options, io.env);
  const logger = createLogger(config.log, { destination: 2, name: 'memory-cli' });
  return { config, logger, json: options.json ?? false };
}
