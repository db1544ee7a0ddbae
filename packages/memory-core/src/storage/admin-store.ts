import type { ExportRecord, ExportRecordType } from '../domain/export-record.js';
import type { OutcomeType } from '../domain/outcome.js';
import type { PatternType } from '../domain/pattern.js';

export interface StorageStats {
  episodes: {
    total: number;
    completed: number;
    open: number;
    archived: number;
    byOutcome: Record<OutcomeType, number>;
  };
  steps: number;
  patterns: { total: number; byType: Record<PatternType, number> };
  heuristics: number;
  relationships: number;
  recommendationSessions: number;
  recommendationFeedback: number;
}

export interface ExportOptions {
  /** Only this namespace; `null` or absent = every namespace (admin export). */
  namespace?: string | null;
  /** Only records created (episodes: started; patterns, heuristics: updated) at or after this ISO time. */
  since?: string;
}

export interface ImportSummary {
  /** Records written, by type. */
  imported: Record<ExportRecordType, number>;
}

export interface HealthStatus {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

/** Whole-store operations: counts, metadata, export and import, health. */
export interface AdminStore {
  /** Counts for a namespace, computed in the store (never estimated). */
  stats(namespace: string): Promise<StorageStats>;

  /** A store-wide metadata value (e.g. the embedding provider and dimension), or `null`. */
  getMeta(key: string): Promise<string | null>;

  /** Sets a store-wide metadata value. */
  setMeta(key: string, value: string): Promise<void>;

  /** How many records `exportRecords` would yield with these options, by type. */
  countRecords(options: ExportOptions): Promise<Record<ExportRecordType, number>>;

  /**
   * Streams every record matching `options` in a stable order (episodes, patterns, heuristics,
   * relationships, sessions, feedback), reading in pages so memory stays constant. No caps.
   */
  exportRecords(options: ExportOptions): AsyncIterable<ExportRecord>;

  /**
   * Upserts records by id, each record all-or-nothing (a batch is one transaction). Importing the same
   * records twice leaves the store as after the first import. Episodes bring their steps; relationships and
   * feedback whose episodes or sessions are absent fail with `NOT_FOUND` (import their targets first).
   */
  importRecords(records: readonly ExportRecord[]): Promise<ImportSummary>;

  /** A real round trip to the store within its timeout. */
  healthCheck(): Promise<HealthStatus>;

  /** Releases connections and timers; later calls fail with `UNAVAILABLE`. Idempotent. */
  close(): Promise<void>;
}
