import { readFileSync } from 'node:fs';
import { MemoryError } from '@slm/memory-core';
import { resolveLocation } from '@slm/storage-turso';
import { parseLogLevel } from '../logger/log-directives.js';
import { parseEnvFile } from './env-file.js';
import type { RuntimeConfig } from './runtime-config.js';
import { VARIABLE_NAMES, VARIABLES, type VariableName, type VariableSpec } from './variables.js';

export interface ConfigSources {
  /** Values given on the command line, by variable name (highest precedence). */
  flags?: Readonly<Record<string, string | undefined>>;
  /** The process environment (binaries pass `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** A `.env`-format file (`--config FILE`), below the environment. */
  configFile?: string;
}

export interface ConfigProblem {
  variable: string;
  message: string;
}

type Values = { [Name in VariableName]: unknown };

/**
 * Builds the runtime configuration: flags > environment > config file > defaults, each variable validated by
 * its schema, then the rules across variables. Every problem is collected and reported at once in one
 * `CONFIG_INVALID` error (secret values are never echoed).
 */
export function loadConfig(sources: ConfigSources = {}): RuntimeConfig {
  const problems: ConfigProblem[] = [];
  const file = sources.configFile === undefined ? {} : readConfigFile(sources.configFile, problems);
  const layers = [sources.flags ?? {}, sources.env ?? {}, file];
  const values = {} as Record<string, unknown>;
  for (const variable of VARIABLES as readonly VariableSpec[]) {
    const raw = rawValue(variable, layers);
    if (raw === undefined) continue;
    const parsed = variable.schema.safeParse(raw);
    if (parsed.success) values[variable.name] = parsed.data;
    else {
      const shown = variable.secret ? '' : ` (got ${JSON.stringify(raw)})`;
      problems.push({ variable: variable.name, message: `${parsed.error.issues[0]?.message}${shown}` });
    }
  }
  const config = assemble(values as Values);
  problems.push(...crossChecks(config));
  if (problems.length > 0) throw configError(problems);
  return config;
}

function readConfigFile(path: string, problems: ConfigProblem[]): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    problems.push({ variable: '--config', message: `cannot read ${path}: ${(error as Error).message}` });
    return {};
  }
  try {
    const values = parseEnvFile(text, path);
    for (const name of Object.keys(values)) {
      // A name the binaries do not know is a typo that would otherwise be ignored silently.
      if (!VARIABLE_NAMES.has(name))
        problems.push({ variable: name, message: `unknown variable in ${path}` });
    }
    return values;
  } catch (error) {
    problems.push({ variable: '--config', message: (error as Error).message });
    return {};
  }
}

function rawValue(
  variable: VariableSpec,
  layers: ReadonlyArray<Readonly<Record<string, string | undefined>>>,
): string | undefined {
  const names = [variable.name, ...(variable.aliases ?? [])];
  for (const layer of layers) {
    for (const name of names) {
      const value = layer[name];
      // An empty variable counts as unset, as in most shells' `VAR= command`.
      if (value !== undefined && value.trim() !== '') return value;
    }
  }
  return variable.defaultValue;
}

function assemble(values: Values): RuntimeConfig {
  const provider = values.MEMORY_EMBEDDINGS as RuntimeConfig['embeddings']['provider'];
  const defaultDimensions = provider === 'openai-compatible' ? 1536 : 384;
  return {
    database: {
      url: values.TURSO_DATABASE_URL as string,
      authToken: values.TURSO_AUTH_TOKEN as string | undefined,
      syncUrl: values.TURSO_SYNC_URL as string | undefined,
      syncIntervalSeconds: values.TURSO_SYNC_INTERVAL as number | undefined,
      maxConnections: values.MEMORY_MAX_CONNECTIONS as number,
      connectionTimeoutMs: Math.round((values.MEMORY_CONNECTION_TIMEOUT as number) * 1000),
      readThreads: values.MEMORY_READ_THREADS as number,
    },
    cache: {
      redisUrl: values.REDIS_URL as string | undefined,
      maxEpisodes: values.MEMORY_CACHE_MAX_EPISODES as number,
      ttlSeconds: values.MEMORY_CACHE_TTL_SECONDS as number,
    },
    memory: {
      namespace: values.MEMORY_NAMESPACE as string,
      durability: values.MEMORY_DURABILITY as RuntimeConfig['memory']['durability'],
      batchSize: values.MEMORY_BATCH_SIZE as number,
      flushIntervalMs: values.MEMORY_FLUSH_INTERVAL as number,
    },
    embeddings: {
      provider,
      baseUrl: values.EMBEDDINGS_BASE_URL as string | undefined,
      model: values.EMBEDDINGS_MODEL as string | undefined,
      apiKey: values.EMBEDDINGS_API_KEY as string | undefined,
      dimensions: (values.EMBEDDINGS_DIMENSIONS as number | undefined) ?? defaultDimensions,
    },
    server: {
      host: values.HOST as string,
      port: values.PORT as number,
      apiKeys: values.MEMORY_API_KEYS as string | undefined,
      apiKeysFile: values.MEMORY_API_KEYS_FILE as string | undefined,
      rateLimitPerSecond: values.MEMORY_RATE_LIMIT as number,
      maxInFlight: values.MEMORY_MAX_IN_FLIGHT as number,
    },
    log: {
      level: values.LOG_LEVEL as string,
      format: values.LOG_FORMAT as RuntimeConfig['log']['format'],
    },
  };
}

/** Rules that involve more than one variable (a missing variable was already reported by its own schema). */
function crossChecks(config: RuntimeConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const capture = (variable: string, check: () => void) => {
    try {
      check();
    } catch (error) {
      const named = (error as MemoryError).details?.['variable'];
      problems.push({
        variable: typeof named === 'string' ? named : variable,
        message: (error as Error).message,
      });
    }
  };
  if (config.database.url) {
    capture('TURSO_DATABASE_URL', () => resolveLocation(config.database));
  }
  const redisUrl = config.cache.redisUrl;
  if (redisUrl !== undefined && !/^rediss?:\/\//i.test(redisUrl)) {
    problems.push({ variable: 'REDIS_URL', message: 'must start with redis:// or rediss:// (TLS)' });
  }
  if (config.embeddings.provider === 'openai-compatible') {
    for (const [variable, value] of [
      ['EMBEDDINGS_BASE_URL', config.embeddings.baseUrl],
      ['EMBEDDINGS_MODEL', config.embeddings.model],
    ] as const) {
      if (value === undefined) {
        problems.push({ variable, message: 'required when MEMORY_EMBEDDINGS=openai-compatible' });
      }
    }
  }
  if (config.log.level) capture('LOG_LEVEL', () => parseLogLevel(config.log.level));
  return problems;
}

function configError(problems: ConfigProblem[]): MemoryError {
  const lines = problems.map((problem) => `  ${problem.variable}: ${problem.message}`);
  return new MemoryError(
    'CONFIG_INVALID',
    `invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${lines.join('\n')}`,
    { details: { problems } },
  );
}
