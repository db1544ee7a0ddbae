import { z } from 'zod';

/**
 * Every configuration variable the binaries read, with its default and validation. The table is the single
 * source of docs/configuration.md; flags use the same names (`--set NAME=value`) or their own aliases.
 */
export interface VariableSpec {
  name: string;
  /** Older names accepted for the same setting (the seed's), used when `name` is absent. */
  aliases?: readonly string[];
  defaultValue?: string;
  schema: z.ZodType;
  /** Never printed: redacted in logs and in `describeConfig`. */
  secret?: boolean;
  description: string;
}

const positiveInteger = z.coerce.number().int().positive();
const nonNegativeInteger = z.coerce.number().int().min(0);
const text = z.string().trim().min(1);

export const VARIABLES = [
  {
    name: 'TURSO_DATABASE_URL',
    defaultValue: 'file:./data/memory.db',
    schema: text,
    description: 'durable store: `file:` path or `libsql://` (Turso)',
  },
  { name: 'TURSO_AUTH_TOKEN', schema: text, secret: true, description: 'required with `libsql://`' },
  { name: 'TURSO_SYNC_URL', schema: text, description: 'remote primary of an embedded replica' },
  { name: 'TURSO_SYNC_INTERVAL', schema: positiveInteger, description: 'replica sync period, seconds' },
  {
    name: 'MEMORY_MAX_CONNECTIONS',
    defaultValue: '10',
    schema: positiveInteger.max(1_000),
    description: 'libSQL connection pool size',
  },
  {
    name: 'MEMORY_CONNECTION_TIMEOUT',
    defaultValue: '5',
    schema: z.coerce.number().positive().max(600),
    description: 'seconds to wait for a pool slot',
  },
  {
    name: 'MEMORY_READ_THREADS',
    defaultValue: '2',
    schema: nonNegativeInteger.max(64),
    description: 'worker threads running reads of a `file:` database; 0 runs them on the main thread',
  },
  { name: 'REDIS_URL', schema: text, secret: true, description: 'Redis cache; absent: in-process cache' },
  {
    name: 'MEMORY_CACHE_MAX_EPISODES',
    aliases: ['REDB_MAX_CACHE_SIZE'],
    defaultValue: '1000',
    schema: positiveInteger,
    description: 'cached episodes per namespace (LRU bound)',
  },
  {
    name: 'MEMORY_CACHE_TTL_SECONDS',
    defaultValue: '1800',
    schema: positiveInteger,
    description: 'lifetime of a cache entry',
  },
  {
    name: 'MEMORY_NAMESPACE',
    defaultValue: 'default',
    schema: text,
    description: 'namespace used when no API key names one',
  },
  {
    name: 'MEMORY_DURABILITY',
    defaultValue: 'durable',
    schema: z.enum(['durable', 'batched']),
    description: '`durable`: a step is acknowledged after commit; `batched`: buffered',
  },
  {
    name: 'MEMORY_BATCH_SIZE',
    defaultValue: '50',
    schema: positiveInteger.max(1_000),
    description: 'steps per batch (`batched`)',
  },
  {
    name: 'MEMORY_FLUSH_INTERVAL',
    defaultValue: '5000',
    schema: positiveInteger.min(10).max(600_000),
    description: 'batch flush period, ms (`batched`)',
  },
  {
    name: 'MEMORY_EMBEDDINGS',
    defaultValue: 'local',
    schema: z.enum(['local', 'openai-compatible', 'none']),
    description: 'embedding provider',
  },
  { name: 'EMBEDDINGS_BASE_URL', schema: z.url(), description: 'for `openai-compatible`' },
  { name: 'EMBEDDINGS_MODEL', schema: text, description: 'for `openai-compatible`' },
  { name: 'EMBEDDINGS_API_KEY', schema: text, secret: true, description: 'for `openai-compatible`' },
  {
    name: 'EMBEDDINGS_DIMENSIONS',
    schema: positiveInteger.max(8_192),
    description: 'vector size (default 384 for `local`, 1536 for `openai-compatible`)',
  },
  { name: 'HOST', defaultValue: '127.0.0.1', schema: text, description: 'service address' },
  { name: 'PORT', defaultValue: '8080', schema: nonNegativeInteger.max(65_535), description: 'service port' },
  {
    name: 'MEMORY_API_KEYS',
    schema: text,
    secret: true,
    description: '`key:namespace[:admin]` entries, comma-separated; required when HOST is not loopback',
  },
  {
    name: 'MEMORY_API_KEYS_FILE',
    schema: text,
    description: 'file of `sha256:<hex>:namespace[:admin]` lines',
  },
  {
    name: 'MEMORY_RATE_LIMIT',
    defaultValue: '1000',
    schema: nonNegativeInteger,
    description: 'requests per second per API key (0: no limit)',
  },
  {
    name: 'MEMORY_MAX_IN_FLIGHT',
    defaultValue: '1024',
    schema: positiveInteger,
    description: 'requests in progress beyond which the service answers 503',
  },
  {
    name: 'LOG_LEVEL',
    defaultValue: 'info',
    schema: text,
    description: 'pino level or directives: `info,memory-core=debug,storage-turso=warn`',
  },
  {
    name: 'LOG_FORMAT',
    defaultValue: 'json',
    schema: z.enum(['json', 'pretty']),
    description: '`pretty` for humans',
  },
] as const satisfies readonly VariableSpec[];

export type VariableName = (typeof VARIABLES)[number]['name'];

export const VARIABLE_NAMES: ReadonlySet<string> = new Set(
  VARIABLES.flatMap((variable: VariableSpec) => [variable.name, ...(variable.aliases ?? [])]),
);
