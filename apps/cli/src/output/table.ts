export interface Column {
  header: string;
  /** Numbers read best right-aligned. */
  align?: 'left' | 'right';
  /** Longer cells are cut with `…` (free text such as task descriptions). */
  maxWidth?: number;
}

/** An aligned text table: a header, a rule, then one line per row, columns two spaces apart. */
export function renderTable(columns: readonly Column[], rows: ReadonlyArray<readonly string[]>): string {
  const cells = rows.map((row) =>
    columns.map((column, index) => truncate(row[index] ?? '', column.maxWidth)),
  );
  const widths = columns.map((column, index) =>
    Math.max(column.header.length, ...cells.map((row) => row[index]!.length)),
  );
  const line = (values: readonly string[]) =>
    values
      .map((value, index) =>
        columns[index]!.align === 'right' ? value.padStart(widths[index]!) : value.padEnd(widths[index]!),
      )
      .join('  ')
      .trimEnd();
  return [
    line(columns.map((column) => column.header)),
    line(widths.map((width) => '-'.repeat(width))),
    ...cells.map(line),
  ]
    .map((text) => `${text}\n`)
    .join('');
}

/** `key   value` lines with the values aligned, for one record. */
export function renderKeyValues(entries: ReadonlyArray<readonly [string, string]>): string {
  const width = Math.max(0, ...entries.map(([key]) => key.length));
  return entries.map(([key, value]) => `${`${key}:`.padEnd(width + 2)}${value}\n`).join('');
}

export function truncate(text: string, maxWidth: number | undefined): string {
  const flat = text.replace(/\s+/g, ' ');
  if (maxWidth === undefined || flat.length <= maxWidth) return flat;
  return `${flat.slice(0, Math.max(0, maxWidth - 1))}…`;
}
