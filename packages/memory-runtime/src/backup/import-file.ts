import { createInterface } from 'node:readline';
import {
  ExportHeaderSchema,
  type ExportRecord,
  ExportRecordSchema,
  type ImportSummary,
} from '@slm/memory-core';
import { openInput } from './files.js';

/** What an import writes to: a memory (which re-derives embeddings and the procedure prior) or a backend. */
export interface ImportTarget {
  importRecords(records: readonly ExportRecord[]): Promise<ImportSummary>;
}

export interface LineError {
  line: number;
  message: string;
}

export interface ImportFileResult {
  lines: number;
  imported: Record<string, number>;
  errors: LineError[];
}

const BATCH = 500;
const MAX_REPORTED_ERRORS = 1_000;

/**
 * Imports a JSONL backup (gzip when the path ends in `.gz`), streamed in batches. Every line is validated with
 * the record schemas; a bad line is reported with its line number and skipped, the rest is imported. Each
 * record is all-or-nothing, and importing the same file twice changes nothing the second time.
 */
export async function importFromFile(
  target: ImportTarget,
  path: string,
  onProgress?: (lines: number) => void,
): Promise<ImportFileResult> {
  const result: ImportFileResult = { lines: 0, imported: {}, errors: [] };
  let batch: Array<{ line: number; record: ExportRecord }> = [];
  const reader = createInterface({ input: openInput(path), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const text of reader) {
    const line = ++result.lines;
    if (text.trim() === '') continue;
    const parsed = parseLine(text, line);
    if ('message' in parsed) {
      addError(result, parsed);
      continue;
    }
    if (parsed.record === null) continue;
    batch.push({ line, record: parsed.record });
    if (batch.length >= BATCH) {
      await importBatch(target, batch, result);
      batch = [];
      onProgress?.(line);
    }
  }
  await importBatch(target, batch, result);
  onProgress?.(result.lines);
  return result;
}

/** A record, `null` for the header, or the error of this line. */
function parseLine(text: string, line: number): { record: ExportRecord | null } | LineError {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { line, message: 'not valid JSON' };
  }
  if ((json as { type?: unknown })?.type === 'header') {
    const header = ExportHeaderSchema.safeParse(json);
    return header.success
      ? { record: null }
      : { line, message: `invalid header: ${summarise(header.error)}` };
  }
  const record = ExportRecordSchema.safeParse(json);
  return record.success ? { record: record.data } : { line, message: summarise(record.error) };
}

/** A refused batch is retried record by record, so one bad record does not cost its neighbours. */
async function importBatch(
  target: ImportTarget,
  batch: ReadonlyArray<{ line: number; record: ExportRecord }>,
  result: ImportFileResult,
): Promise<void> {
  if (batch.length === 0) return;
  try {
    count(result, await target.importRecords(batch.map((entry) => entry.record)));
    return;
  } catch {
    // fall through to one record at a time
  }
  for (const entry of batch) {
    try {
      count(result, await target.importRecords([entry.record]));
    } catch (error) {
      addError(result, { line: entry.line, message: error instanceof Error ? error.message : String(error) });
    }
  }
}

function count(result: ImportFileResult, summary: ImportSummary): void {
  for (const [type, imported] of Object.entries(summary.imported)) {
    result.imported[type] = (result.imported[type] ?? 0) + imported;
  }
}

function addError(result: ImportFileResult, error: LineError): void {
  if (result.errors.length < MAX_REPORTED_ERRORS) result.errors.push(error);
}

function summarise(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(record)'}: ${issue.message}`)
    .join('; ');
}
