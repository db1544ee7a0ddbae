import { readFileSync } from 'node:fs';
import { loadConfig, parseEnvFile, type RuntimeConfig } from '@slm/memory-runtime';
import type { GlobalOptions } from './global-options.js';

/** What the CLI logs unless LOG_LEVEL says otherwise: its results are the output, logs are for problems. */
const CLI_LOG_LEVEL = 'warn';

/**
 * The service's configuration, read the service's way (flags > environment > `--config` file > defaults, every
 * problem reported at once as `CONFIG_INVALID`). The flags are the global options.
 */
export function loadCliConfig(
  options: GlobalOptions,
  env: Readonly<Record<string, string | undefined>>,
): RuntimeConfig {
  const config = loadConfig({
    flags: {
      TURSO_DATABASE_URL: options.databaseUrl,
      REDIS_URL: options.redisUrl,
      MEMORY_NAMESPACE: options.namespace,
    },
    env,
    ...(options.config === undefined ? {} : { configFile: options.config }),
  });
  if (logLevelChosen(env, options.config)) return config;
  return { ...config, log: { ...config.log, level: CLI_LOG_LEVEL } };
}

function logLevelChosen(env: Readonly<Record<string, string | undefined>>, configFile?: string): boolean {
  if (env['LOG_LEVEL']?.trim()) return true;
  if (configFile === undefined) return false;
  // loadConfig has read and validated the file already.
  return Boolean(parseEnvFile(readFileSync(configFile, 'utf8'))['LOG_LEVEL']?.trim());
}
