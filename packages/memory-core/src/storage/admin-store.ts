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
  /**
   * Only records at or after this ISO time: episodes by `startedAt`, patterns and heuristics by `updatedAt`,
   * relationships, sessions and feedback by `createdAt`.
   */
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
   * relationships, sessions, feedback; within a type by namespace, then id), reading in pages so memory stays
   * constant. No caps. Episodes carry their steps; embeddings and the procedure prior are not exported (they
   * are re-derived on import).
   */
  exportRecords(options: ExportOptions): AsyncIterable<ExportRecord>;

  /**
   * Upserts records by id, each record all-or-nothing (a batch is one transaction: a refused batch writes
   * nothing). Importing the same records twice leaves the store as after the first import. Records are stored
   * verbatim (versions, counts and effectiveness included; feedback does not apply usage again). Episodes
   * bring their steps; relationships and feedback whose episodes or sessions are absent from the store and
   * the batch fail with `NOT_FOUND`. `CONFLICT` for an id that lives in another namespace, a pattern or
   * heuristic whose key belongs to another id, a relationship duplicating another id's (from, to, type) or
   * closing a cycle, and a second feedback for a session.
   */
  importRecords(records: readonly ExportRecord[]): Promise<ImportSummary>;

  /** A real round trip to the store within its timeout. */
  healthCheck(): Promise<HealthStatus>;

  /** Releases connections and timers; later calls fail with `UNAVAILABLE`. Idempotent. */
  close(): Promise<void>;
}
