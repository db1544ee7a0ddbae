import {
  EPISODE_SCHEMA_VERSION,
  EXPORT_FORMAT_VERSION,
  type ExportHeader,
  type SelfLearningMemory,
} from '@slm/memory-core';

export interface ExportRequest {
  since?: string;
  allNamespaces?: boolean;
}

/**
 * The JSONL backup format `memory-cli import` reads: a header line with the counts, then one record per line,
 * read from the store in pages so memory stays flat however large the export.
 */
export async function* exportLines(
  memory: SelfLearningMemory,
  request: ExportRequest,
): AsyncGenerator<string> {
  const counts = await memory.countRecords(request);
  const header: ExportHeader = {
    type: 'header',
    formatVersion: EXPORT_FORMAT_VERSION,
    schemaVersion: EPISODE_SCHEMA_VERSION,
    namespace: request.allNamespaces ? null : memory.namespace,
    exportedAt: new Date().toISOString(),
    since: request.since ?? null,
    counts,
  };
  yield `${JSON.stringify(header)}\n`;
  for await (const record of memory.exportRecords(request)) {
    yield `${JSON.stringify(record)}\n`;
  }
}
