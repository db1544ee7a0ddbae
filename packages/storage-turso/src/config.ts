/** Retries of transient failures (network, `SQLITE_BUSY`), with full-jitter exponential backoff. */
export interface TursoConfig {
  /** Retries after the first attempt; 0 disables retrying. Default 3. */
  maxRetries: number;
  /** Base of the exponential backoff. Default 100 ms. */
  retryBaseDelayMs: number;
  /** Cap of one backoff delay. Default 5,000 ms. */
  retryMaxDelayMs: number;
  /** Bound in-flight requests with the pool below. Default true. */
  enablePooling: boolean;
}

/** The bound on in-flight requests (a real semaphore with a wait queue), measured by `poolStatistics()`. */
export interface PoolConfig {
  /** Requests in flight at once; the rest wait in FIFO order. Default 10. */
  maxConnections: number;
  /** How long a request may wait for a slot before it fails with `UNAVAILABLE`. Default 5,000 ms. */
  connectionTimeoutMs: number;
  /** Probe the database (`SELECT 1`) before retrying after a transient failure. Default true. */
  enableHealthCheck: boolean;
  /** Time limit of one health check. Default 2,000 ms. */
  healthCheckTimeoutMs: number;
}

/** Group commit: writes that arrive while a commit is in flight share the next transaction, up to these bounds. */
export interface GroupCommitConfig {
  /** Writes per transaction. Default 256. */
  maxWrites: number;
  /** Approximate payload bytes per transaction. Default 4 MiB. */
  maxBytes: number;
}

/** Worker threads that run the reads of a file database (see sql/read-threads.ts). */
export interface ReadThreadConfig {
  /** Threads, each with its own connection; 0 runs reads on the main thread. Default 2. */
  threads: number;
  /** Reads served on the main thread before the threads start (idle stores never start them); 0 starts them at open. Default 100. */
  startAfterReads: number;
  /**
   * Page cache of each reading connection, in KiB (SQLite allocates it as pages are used); with threads off,
   * of the main thread's reader. Candidate searches touch many rows: SQLite's 2 MiB default made an exact
   * vector scan 3× slower. Default 8,192 (8 MiB).
   */
  cacheKib: number;
}

export interface TursoStorageConfig {
  /** `file:` (default `file:./data/memory.db`) or `libsql://` (Turso; needs `authToken`). */
  url?: string;
  /** Turso auth token; required and non-blank for `libsql://` and for `syncUrl`. */
  authToken?: string;
  /** Remote `libsql://` primary that a `file:` url replicates (embedded replica). */
  syncUrl?: string;
  /** Seconds between background syncs of the embedded replica; absent = sync only at start. */
  syncIntervalSeconds?: number;
  /** Dimension of the embedding vectors (`F32_BLOB(dim)`). */
  embeddingDimensions: number;
  /**
   * When the database holds vectors of another dimension: false (default) refuses to open with
   * `CONFIG_INVALID`; true drops the stored vectors so that a re-index (`memory-cli reindex`) can refill them.
   */
  resetEmbeddingsOnDimensionChange?: boolean;
  turso?: Partial<TursoConfig>;
  pool?: Partial<PoolConfig>;
  groupCommit?: Partial<GroupCommitConfig>;
  /** Read threads of a plain `file:` database (not used for `libsql://` or embedded replicas). */
  reads?: Partial<ReadThreadConfig>;
  /** `busy_timeout` of file connections: how long SQLite waits for another process's write lock. Default 5,000 ms. */
  busyTimeoutMs?: number;
}

export const DEFAULT_DATABASE_URL = 'file:./data/memory.db';

export const DEFAULT_TURSO_CONFIG: TursoConfig = Object.freeze({
  maxRetries: 3,
  retryBaseDelayMs: 100,
  retryMaxDelayMs: 5_000,
  enablePooling: true,
});

export const DEFAULT_POOL_CONFIG: PoolConfig = Object.freeze({
  maxConnections: 10,
  connectionTimeoutMs: 5_000,
  enableHealthCheck: true,
  healthCheckTimeoutMs: 2_000,
});

export const DEFAULT_GROUP_COMMIT_CONFIG: GroupCommitConfig = Object.freeze({
  maxWrites: 256,
  maxBytes: 4 * 1024 * 1024,
});

export const DEFAULT_READ_THREAD_CONFIG: ReadThreadConfig = Object.freeze({
  threads: 2,
  startAfterReads: 100,
  cacheKib: 8_192,
});

export const DEFAULT_BUSY_TIMEOUT_MS = 5_000;
