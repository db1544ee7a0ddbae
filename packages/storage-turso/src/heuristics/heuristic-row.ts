import type { InValue, Row } from '@libsql/client';
import type { Heuristic } from '@slm/memory-core';
import { numeric, text } from '../sql/row.js';
import { toMillis } from '../timestamps.js';

export const HEURISTIC_COLUMNS = `seq, id, namespace, key, condition, action, domain, successes, total, confidence,
  episode_ids, schema_version, created_at, updated_at`;

export function heuristicSelect(alias = 'h'): string {
  return HEURISTIC_COLUMNS.split(',')
    .map((column) => `${alias}.${column.trim()}`)
    .join(', ');
}

export const HEURISTIC_SELECT = heuristicSelect();

export function heuristicFromRow(row: Row): Heuristic {
  return {
    schemaVersion: numeric(row, 'schema_version'),
    id: text(row, 'id'),
    namespace: text(row, 'namespace'),
    key: text(row, 'key'),
    condition: text(row, 'condition'),
    action: text(row, 'action'),
    domain: text(row, 'domain'),
    evidence: {
      episodeIds: JSON.parse(text(row, 'episode_ids')) as string[],
      successes: numeric(row, 'successes'),
      total: numeric(row, 'total'),
    },
    confidence: numeric(row, 'confidence'),
    createdAt: text(row, 'created_at'),
    updatedAt: text(row, 'updated_at'),
  };
}

export const HEURISTIC_WRITE_COLUMNS = [
  'id',
  'namespace',
  'key',
  'condition',
  'action',
  'domain',
  'successes',
  'total',
  'confidence',
  'episode_ids',
  'schema_version',
  'created_at',
  'updated_at',
  'updated_at_ms',
] as const;

export function heuristicWriteValues(heuristic: Heuristic): InValue[] {
  return [
    heuristic.id,
    heuristic.namespace,
    heuristic.key,
    heuristic.condition,
    heuristic.action,
    heuristic.domain,
    heuristic.evidence.successes,
    heuristic.evidence.total,
    heuristic.confidence,
    JSON.stringify(heuristic.evidence.episodeIds),
    heuristic.schemaVersion,
    heuristic.createdAt,
    heuristic.updatedAt,
    toMillis(heuristic.updatedAt, 'updatedAt'),
  ];
}
