import { parseArgs } from 'node:util';
import { MemoryError } from '@slm/memory-core';

/** Command-line flags every binary accepts, and the variable each one sets (flags beat the environment). */
export const CONFIG_FLAGS = {
  'database-url': 'TURSO_DATABASE_URL',
  'redis-url': 'REDIS_URL',
  namespace: 'MEMORY_NAMESPACE',
  durability: 'MEMORY_DURABILITY',
  embeddings: 'MEMORY_EMBEDDINGS',
  host: 'HOST',
  port: 'PORT',
  'log-level': 'LOG_LEVEL',
  'log-format': 'LOG_FORMAT',
} as const;

export interface BinaryArgs {
  /** Values by variable name, for `loadConfig({ flags })`. */
  flags: Record<string, string>;
  configFile: string | undefined;
  version: boolean;
  help: boolean;
}

/** Parses the long-running binaries' command line (`memory-service`, `memory-mcp`). */
export function parseBinaryArgs(argv: readonly string[]): BinaryArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new MemoryError('CONFIG_INVALID', `${(error as Error).message} (see --help)`);
  }
  const { values } = parsed;
  const flags: Record<string, string> = {};
  for (const [flag, variable] of Object.entries(CONFIG_FLAGS)) {
    const value = values[flag as keyof typeof values];
    if (typeof value === 'string') flags[variable] = value;
  }
  return {
    flags,
    configFile: values.config,
    version: values.version === true,
    help: values.help === true,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      config: { type: 'string' },
      version: { type: 'boolean', short: 'v' },
      help: { type: 'boolean', short: 'h' },
      ...(Object.fromEntries(Object.keys(CONFIG_FLAGS).map((flag) => [flag, { type: 'string' }])) as Record<
        keyof typeof CONFIG_FLAGS,
        { type: 'string' }
      >),
    },
  });
}

/** `--help` text: the flags, and where the full list of variables lives. */
export function binaryHelp(name: string, summary: string): string {
  const flagLines = Object.entries(CONFIG_FLAGS).map(
    ([flag, variable]) => `  --${flag.padEnd(14)} sets ${variable}`,
  );
  return [
    `${name}: ${summary}`,
    '',
    `Usage: ${name} [--config FILE] [flags]`,
    '',
    '  --config FILE    read variables from a .env-format file (below the environment)',
    ...flagLines,
    '  -v, --version    print the package and schema versions',
    '  -h, --help       this text',
    '',
    'Every setting is an environment variable; docs/configuration.md lists them all.',
    'Precedence: flags > environment > --config file > defaults.',
    '',
  ].join('\n');
}

/** What a binary prints for a configuration error before exiting with status 2. */
export function describeStartupError(error: unknown): string {
  if (error instanceof MemoryError && error.code === 'CONFIG_INVALID') return `${error.message}\n`;
  return `${error instanceof Error ? error.message : String(error)}\n`;
}
