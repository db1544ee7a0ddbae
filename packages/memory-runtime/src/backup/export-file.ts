import { randomBytes } from 'node:crypto';
import { link, rm } from 'node:fs/promises';
import {
  EPISODE_SCHEMA_VERSION,
  EXPORT_FORMAT_VERSION,
  type ExportHeader,
  type ExportRecord,
} from '@slm/memory-core';
import { isGzipPath, openOutput, writeLine } from './files.js';

/** What an export reads from: a memory (one namespace) or a storage backend (admin, any namespace). */
export interface ExportSource {
  countRecords(options: ExportFileOptions): Promise<Record<string, number>>;
  exportRecords(options: ExportFileOptions): AsyncIterable<ExportRecord>;
}

export interface ExportFileOptions {
  namespace?: string | null;
  since?: string;
}

export interface ExportFileResult {
  path: string;
  lines: number;
  counts: Record<string, number>;
}

/**
 * Writes a JSONL backup (gzip when the path ends in `.gz`): a header line, then one record per line, streamed.
 * The file appears only when complete: it is written beside the target and linked into place, so an
 * interrupted export leaves no half-written backup. Refuses to overwrite an existing file.
 */
export async function exportToFile(
  source: ExportSource,
  path: string,
  options: ExportFileOptions = {},
  onProgress?: (records: number) => void,
): Promise<ExportFileResult> {
  const counts = await source.countRecords(options);
  const header: ExportHeader = {
    type: 'header',
    formatVersion: EXPORT_FORMAT_VERSION,
    schemaVersion: EPISODE_SCHEMA_VERSION,
    namespace: options.namespace ?? null,
    exportedAt: new Date().toISOString(),
    since: options.since ?? null,
    counts,
  };
  const temporary = `${path}.partial-${randomBytes(4).toString('hex')}`;
  const output = openOutput(temporary, isGzipPath(path));
  let lines = 0;
  try {
    await writeLine(output.stream, JSON.stringify(header));
    lines++;
    for await (const record of source.exportRecords(options)) {
      await writeLine(output.stream, JSON.stringify(record));
      lines++;
      if (lines % 1_000 === 0) onProgress?.(lines - 1);
    }
    output.stream.end();
    await output.done;
    // link() refuses an existing target, so a finished export never replaces another file.
    await link(temporary, path);
    await rm(temporary, { force: true });
  } catch (error) {
    output.stream.destroy();
    await rm(temporary, { force: true });
    throw error;
  }
  onProgress?.(lines - 1);
  return { path, lines, counts };
}
