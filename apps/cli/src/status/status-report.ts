import type { CacheStatistics, HealthStatus, MemoryStats } from '@slm/memory-core';

/** `memory-cli status --json`: everything an operator checks first, measured now. */
export interface StatusReport {
  /** `down`: the store cannot be used (exit 1); `degraded`: the cache is down or a migration is pending. */
  status: 'ok' | 'degraded' | 'down';
  versions: {
    cli: string;
    /** Schema of this code, of the database (null when unreadable), and migrations not yet applied. */
    schema: { code: number; database: number | null; pending: string[] };
    exportFormat: number;
    cacheFormat: number;
  };
  database: {
    /** Credentials masked. */
    url: string;
    /** `cache(libsql-file)`, … once opened. */
    kind: string | null;
    exists: boolean | null;
    /** Pages × page size, as the database reports it. */
    sizeBytes: number | null;
  };
  namespace: string;
  /** Counts of the namespace, computed by the store; null when the store could not be opened. */
  counts: MemoryStats | null;
  health: {
    storage: HealthStatus;
    cache: (HealthStatus & { state: 'ok' | 'degraded' }) | null;
  };
  cache: (CacheStatistics & { maxEpisodes: number; ttlSeconds: number }) | null;
  /** Why the status is not `ok`, in words, with what to do. */
  problems: string[];
}
