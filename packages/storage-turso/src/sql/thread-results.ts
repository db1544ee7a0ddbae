import { LibsqlError, type ResultSet, type Row, type Value } from '@libsql/client';

/** A statement's answer as a read thread sends it: column names and types, rows as arrays of values. */
export interface ThreadResult {
  columns: string[];
  columnTypes: string[];
  rows: Value[][];
  rowsAffected: number;
}

/** A failure as a read thread sends it. */
export interface ThreadFailure {
  name: string;
  message: string;
  /** The SQLite (extended) code, e.g. `SQLITE_BUSY` or `SQLITE_CONSTRAINT_PRIMARYKEY`. */
  code?: string;
  rawCode?: number;
}

/** The `ResultSet` `@libsql/client` would have returned for the same statement on a local file. */
export function resultSetOf(result: ThreadResult): ResultSet {
  const { columns, columnTypes, rowsAffected } = result;
  const rows = result.rows.map((values) => rowOf(values, columns));
  return {
    columns,
    columnTypes,
    rows,
    rowsAffected,
    lastInsertRowid: undefined,
    // As the client's: blobs in base64, and lastInsertRowid null for a read.
    toJSON: () => ({
      columns,
      columnTypes,
      rows: result.rows.map((values) => values.map(jsonValue)),
      rowsAffected,
      lastInsertRowid: null,
    }),
  };
}

function jsonValue(value: Value): unknown {
  if (value instanceof ArrayBuffer) return Buffer.from(value).toString('base64');
  return typeof value === 'bigint' ? value.toString() : value;
}

/** Like the client's rows: values by column name (the first of a repeated name) and by index (not enumerable). */
function rowOf(values: readonly Value[], columns: readonly string[]): Row {
  // Named values by plain assignment (the object keeps a fast layout), then the non-enumerable rest.
  const row: Record<string | number, Value> = {};
  for (let index = 0; index < values.length; index++) {
    const column = columns[index]!;
    if (Object.hasOwn(row, column)) continue;
    if (column === '__proto__') {
      Object.defineProperty(row, column, {
        value: values[index],
        enumerable: true,
        configurable: true,
        writable: true,
      });
    } else row[column] = values[index] as Value;
  }
  Object.defineProperty(row, 'length', { value: values.length });
  for (let index = 0; index < values.length; index++) {
    Object.defineProperty(row, index, { value: values[index] });
  }
  return row as unknown as Row;
}

/**
 * The error the client would have thrown: SQLite failures as `LibsqlError` with the base and extended codes
 * (so retries tell busy from constraint errors), anything else as an error of the same name and message.
 */
export function errorOf(failure: ThreadFailure): Error {
  if (failure.code?.startsWith('SQLITE_')) {
    const base = failure.code.split('_').slice(0, 2).join('_');
    return new LibsqlError(failure.message, base, failure.code, failure.rawCode);
  }
  if (failure.name === 'RangeError') return new RangeError(failure.message);
  if (failure.name === 'TypeError') return new TypeError(failure.message);
  const error = new Error(failure.message);
  error.name = failure.name;
  return error;
}
