import type { Command } from 'commander';

/** Options every command takes; they map to the service's variables (flags > env > --config file > defaults). */
export interface GlobalOptions {
  config?: string;
  databaseUrl?: string;
  redisUrl?: string;
  namespace?: string;
  json?: boolean;
}

export function addGlobalOptions(program: Command): Command {
  return program
    .option('--config <file>', 'read variables from a .env-format file (below the environment)')
    .option('--database-url <url>', 'durable store (TURSO_DATABASE_URL): file:path.db or libsql://host')
    .option('--redis-url <url>', 'Redis cache (REDIS_URL); absent: in-process cache')
    .option('--namespace <ns>', 'namespace to work on (MEMORY_NAMESPACE, default "default")')
    .option('--json', 'print exactly one JSON document on stdout, for scripts');
}

/** The global options as seen from any (sub)command. */
export function globalOptions(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}
