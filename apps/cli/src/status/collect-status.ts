import { EXPORT_FORMAT_VERSION } from '@slm/memory-core';
import { maskCredentials, type RuntimeConfig, type RuntimeLogger } from '@slm/memory-runtime';
import { CACHE_FORMAT } from '@slm/storage-cache';
import { inspectTursoSchema, SCHEMA_VERSION, type SchemaInspection } from '@slm/storage-turso';
import { describeError } from '../describe-error.js';
import { openStore } from '../store/open-store.js';
import { CLI_VERSION } from '../version.js';
import type { StatusReport } from './status-report.js';

/**
 * Builds the status report. Reads the schema first without changing anything: a database with pending
 * migrations is reported, never migrated, and an absent database is not created.
 */
export async function collectStatus(config: RuntimeConfig, logger: RuntimeLogger): Promise<StatusReport> {
  const report = emptyReport(config);
  let schema: SchemaInspection;
  const started = performance.now();
  try {
    schema = await inspectTursoSchema(config.database);
  } catch (error) {
    return down(report, describeError(error), performance.now() - started);
  }
  report.versions.schema = {
    code: schema.codeVersion,
    database: schema.databaseVersion,
    pending: schema.pending,
  };
  report.database.exists = schema.exists;
  report.database.sizeBytes = schema.sizeBytes;
  if (!schema.exists) {
    return down(
      report,
      `no database at ${report.database.url}: run \`memory-cli migrate\` to create it, or import a backup`,
      performance.now() - started,
    );
  }
  if (schema.pending.length > 0) {
    report.status = 'degraded';
    report.health.storage = { ok: true, latencyMs: performance.now() - started };
    report.problems.push(
      `schema version ${schema.databaseVersion} is behind this code (${schema.codeVersion}): back up, then run \`memory-cli migrate\` (pending: ${schema.pending.join(', ')})`,
    );
    return report;
  }
  let store: Awaited<ReturnType<typeof openStore>>;
  try {
    store = await openStore(config, logger);
  } catch (error) {
    return down(report, describeError(error), performance.now() - started);
  }
  try {
    const health = await store.memory.health();
    report.health = { storage: withoutKind(health.storage), cache: health.cache };
    report.database.kind = health.storage.kind;
    if (health.status === 'down')
      return down(report, `store unreachable: ${health.storage.error ?? 'health check failed'}`);
    report.counts = await store.memory.stats();
    const cache = await store.memory.cacheStatistics();
    report.cache = cache && {
      ...cache,
      maxEpisodes: config.cache.maxEpisodes,
      ttlSeconds: config.cache.ttlSeconds,
    };
    if (health.status === 'degraded') {
      report.status = 'degraded';
      report.problems.push(
        `cache degraded (${health.cache?.error ?? 'unreachable'}): requests go straight to the store; check REDIS_URL and Redis`,
      );
    }
    return report;
  } finally {
    await store.close().catch((error: unknown) => logger.error({ err: error }, 'closing the store failed'));
  }
}

function emptyReport(config: RuntimeConfig): StatusReport {
  return {
    status: 'ok',
    versions: {
      cli: CLI_VERSION,
      schema: { code: SCHEMA_VERSION, database: null, pending: [] },
      exportFormat: EXPORT_FORMAT_VERSION,
      cacheFormat: CACHE_FORMAT,
    },
    database: { url: maskCredentials(config.database.url) ?? '', kind: null, exists: null, sizeBytes: null },
    namespace: config.memory.namespace,
    counts: null,
    health: { storage: { ok: false, latencyMs: 0 }, cache: null },
    cache: null,
    problems: [],
  };
}

function down(report: StatusReport, problem: string, latencyMs?: number): StatusReport {
  report.status = 'down';
  if (latencyMs !== undefined) report.health.storage = { ok: false, latencyMs, error: problem };
  report.problems.push(problem);
  return report;
}

function withoutKind<T extends { kind: string }>(status: T): Omit<T, 'kind'> {
  const { kind: _kind, ...rest } = status;
  return rest;
}
