import type { Row, Value } from '@libsql/client';

/** Typed access to result columns; a wrong type is a schema bug, so it throws instead of guessing. */
function value(row: Row, column: string): Value {
  const found = row[column];
  if (found === undefined) throw new Error(`result has no column ${column}`);
  return found;
}

export function text(row: Row, column: string): string {
  const found = value(row, column);
  if (typeof found !== 'string') throw new Error(`column ${column} is not text`);
  return found;
}

export function optionalText(row: Row, column: string): string | undefined {
  const found = value(row, column);
  return found === null ? undefined : text(row, column);
}

export function numeric(row: Row, column: string): number {
  const found = value(row, column);
  if (typeof found === 'number') return found;
  if (typeof found === 'bigint') return Number(found);
  throw new Error(`column ${column} is not a number`);
}

export function optionalNumeric(row: Row, column: string): number | undefined {
  return value(row, column) === null ? undefined : numeric(row, column);
}

export function blob(row: Row, column: string): ArrayBuffer {
  const found = value(row, column);
  if (!(found instanceof ArrayBuffer)) throw new Error(`column ${column} is not a blob`);
  return found;
}
