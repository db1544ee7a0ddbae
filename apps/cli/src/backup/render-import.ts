import type { LineError } from '@slm/memory-runtime';
import { formatCount, formatDuration } from '../output/format.js';
import { renderTable } from '../output/table.js';

const SHOWN_ERRORS = 20;

export interface ImportSummaryView {
  file: string;
  lines: number;
  imported: Record<string, number>;
  rejected: number;
  errors: LineError[];
  durationMs: number;
}

/** Counts by type, then the rejected lines (the first 20; `--json` lists up to 1,000). */
export function renderImportSummary(summary: ImportSummaryView): string {
  const rows = Object.entries(summary.imported).map(([type, count]) => [type, formatCount(count)]);
  let text =
    `imported ${summary.file}: ${formatCount(summary.lines)} lines in ${formatDuration(summary.durationMs)}\n` +
    renderTable([{ header: 'TYPE' }, { header: 'IMPORTED', align: 'right' }], rows);
  if (summary.rejected === 0) return text;
  text += `\n${formatCount(summary.rejected)} line${summary.rejected === 1 ? '' : 's'} rejected (the rest was imported):\n`;
  text += summary.errors
    .slice(0, SHOWN_ERRORS)
    .map((error) => `  line ${error.line}: ${error.message}\n`)
    .join('');
  if (summary.errors.length > SHOWN_ERRORS)
    text += `  … ${summary.errors.length - SHOWN_ERRORS} more (see --json)\n`;
  return text;
}
