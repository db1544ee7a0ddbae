/**
 * The configuration every binary (memory-service, memory-mcp, memory-cli) reads, after validation.
 * Built by `loadConfig` from flags > environment > `--config` file > defaults; docs/configuration.md lists the
 * variables.
 */
export interface RuntimeConfig {
  database: {
    /** `TURSO_DATABASE_URL`: `file:` (default `file:./data/memory.db`) or `libsql://`. */
    url: string;
    /** `TURSO_AUTH_TOKEN`: required with `libsql://`. Never logged. */
    authToken: string | undefined;
    /** `TURSO_SYNC_URL`: remote primary of an embedded replica. */
    syncUrl: string | undefined;
    /** `TURSO_SYNC_INTERVAL` (seconds). */
    syncIntervalSeconds: number | undefined;
    /** `MEMORY_MAX_CONNECTIONS` (default 10). */
    maxConnections: number;
    /** `MEMORY_CONNECTION_TIMEOUT` (seconds in the variable, default 5). */
    connectionTimeoutMs: number;
    /** `MEMORY_READ_THREADS` (default 2): threads running the reads of a `file:` database. */
    readThreads: number;
  };
  cache: {
    /** `REDIS_URL`; absent: the in-process cache. Never logged with its password. */
    redisUrl: string | undefined;
    /** `MEMORY_CACHE_MAX_EPISODES` (alias `REDB_MAX_CACHE_SIZE`, default 1000). */
    maxEpisodes: number;
    /** `MEMORY_CACHE_TTL_SECONDS` (default 1800). */
    ttlSeconds: number;
  };
  memory: {
    /** `MEMORY_NAMESPACE` (default `default`): the namespace used when no API key names one. */
    namespace: string;
    /** `MEMORY_DURABILITY`: `durable` (default) or `batched`. */
    durability: 'durable' | 'batched';
    /** `MEMORY_BATCH_SIZE` (default 50). */
    batchSize: number;
    /** `MEMORY_FLUSH_INTERVAL` (ms, default 5000). */
    flushIntervalMs: number;
  };
  embeddings: {
    /** `MEMORY_EMBEDDINGS`: `local` (default), `openai-compatible` or `none`. */
    provider: 'local' | 'openai-compatible' | 'none';
    /** `EMBEDDINGS_BASE_URL`, `EMBEDDINGS_MODEL`, `EMBEDDINGS_API_KEY` (never logged), `EMBEDDINGS_DIMENSIONS`. */
    baseUrl: string | undefined;
    model: string | undefined;
    apiKey: string | undefined;
    /** Vector size (default 384 for `local`, 1536 for `openai-compatible`). */
    dimensions: number;
  };
  server: {
    /** `HOST` (default 127.0.0.1) and `PORT` (default 8080). */
    host: string;
    port: number;
    /** `MEMORY_API_KEYS`: comma-separated `key:namespace[:admin]` entries. Never logged. */
    apiKeys: string | undefined;
    /** `MEMORY_API_KEYS_FILE`: one `sha256:<hex>:namespace[:admin]` (or plain `key:namespace[:admin]`) per line. */
    apiKeysFile: string | undefined;
    /** `MEMORY_RATE_LIMIT`: requests per second per key (burst of twice that); 0 disables. Default 1000. */
    rateLimitPerSecond: number;
    /** `MEMORY_MAX_IN_FLIGHT`: requests in progress beyond which new ones get 503 (load shedding). Default 1024. */
    maxInFlight: number;
  };
  log: {
    /** `LOG_LEVEL`: a pino level or directives such as `info,memory-core=debug,storage-turso=warn`. */
    level: string;
    /** `LOG_FORMAT`: `json` (default) or `pretty`. */
    format: 'json' | 'pretty';
  };
}
