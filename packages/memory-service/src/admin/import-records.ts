import { type ExportRecord, ExportRecordSchema, MemoryError } from '@slm/memory-core';

const MAX_REPORTED_ISSUES = 20;

export interface ParsedImport {
  records: ExportRecord[];
  /** Lines (JSONL) or items (JSON array) read, header included. */
  lines: number;
}

interface Issue {
  path: string;
  message: string;
}

/**
 * Reads an import body — JSONL text or a JSON array — and validates every record before anything is written:
 * one bad line refuses the whole import (`VALIDATION_FAILED` listing the lines), so a retry after fixing it
 * cannot half-apply. Header lines are skipped. Unless `allNamespaces`, every record must be in `namespace`.
 */
export function parseImportBody(body: unknown, namespace: string, allNamespaces: boolean): ParsedImport {
  const items = importItems(body);
  const records: ExportRecord[] = [];
  const issues: Issue[] = [];
  let failed = 0;
  const report = (issue: Issue) => {
    failed++;
    if (issues.length < MAX_REPORTED_ISSUES) issues.push(issue);
  };
  for (const item of items) {
    if ('error' in item) {
      report({ path: item.where, message: item.error });
      continue;
    }
    if ((item.value as { type?: unknown } | null)?.type === 'header') continue;
    const parsed = ExportRecordSchema.safeParse(item.value);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const field = first?.path.map(String).join('.') || '(record)';
      report({ path: item.where, message: `${field}: ${first?.message ?? 'invalid record'}` });
      continue;
    }
    const recordNamespace = parsed.data.record.namespace;
    if (!allNamespaces && recordNamespace !== namespace) {
      report({
        path: item.where,
        message: `record of namespace "${recordNamespace}" in an import to "${namespace}" (pass allNamespaces=true to import several namespaces)`,
      });
      continue;
    }
    records.push(parsed.data);
  }
  if (failed > 0) {
    const summary = issues
      .slice(0, 3)
      .map((issue) => `${issue.path}: ${issue.message}`)
      .join('; ');
    throw new MemoryError(
      'VALIDATION_FAILED',
      `invalid import, nothing was imported (${failed} bad): ${summary}`,
      {
        details: { issues, failed },
      },
    );
  }
  return { records, lines: items.length };
}

type Item = { where: string; value: unknown } | { where: string; error: string };

function importItems(body: unknown): Item[] {
  if (Array.isArray(body)) return body.map((value, index) => ({ where: `item ${index}`, value }));
  if (typeof body !== 'string') {
    throw new MemoryError(
      'VALIDATION_FAILED',
      'invalid import: send JSONL (Content-Type: application/x-ndjson) or a JSON array of records',
      { details: { issues: [{ path: 'body', message: 'must be JSONL or a JSON array' }] } },
    );
  }
  const items: Item[] = [];
  for (const [index, line] of body.split('\n').entries()) {
    if (line.trim() === '') continue;
    const where = `line ${index + 1}`;
    try {
      items.push({ where, value: JSON.parse(line) });
    } catch {
      items.push({ where, error: 'not valid JSON' });
    }
  }
  return items;
}
